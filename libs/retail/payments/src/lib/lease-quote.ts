import type { Quote } from '@showroom/contracts';
import type { QuoteInput } from './quote-input';
import { applyCredits } from './applied-credits';
import { creditTierTerms, dealFigures } from './deal-figures';
import { leasePayment } from './lease-payment';
import { moneyFactorToAprBps } from './money-factor';
import { QuoteError } from './quote-error';
import { assembleQuote, dealerFeesCents } from './quote-parts';
import { shareOfCents } from './rounding';

/**
 * A closed-end lease by the standard formula. Capitalised: price, acquisition fee, products and any
 * negative trade equity. Cap cost reduction: positive trade equity first, then the part of the down
 * payment that still fits, at most down to the residual (trade equity beyond that comes back as
 * cash; the rest of the down payment is not taken). Due at signing: the first payment, the down
 * payment used, documentation, title and registration fees, and the up-front tax where the dealer's
 * state taxes leases up front.
 */
export function leaseQuote(input: QuoteInput): Quote {
  const figures = dealFigures(input);
  const { terms, structure } = input;
  const termMonths = structure.termMonths;
  const residualBps = residualBpsFor(input);
  const moneyFactor = leaseMoneyFactor(input);
  const grossCapCostCents =
    figures.sellingPriceCents +
    terms.fees.leaseAcquisitionCents +
    figures.productsCents +
    Math.max(0, -figures.tradeEquityCents);
  const residualCents = shareOfCents(figures.msrpCents ?? figures.listedPriceCents, residualBps);
  if (grossCapCostCents < residualCents) throw sellingPriceBelowResidual(input);
  const credits = applyCredits(
    grossCapCostCents - residualCents,
    figures.tradeEquityCents,
    figures.downPaymentCents,
  );
  const capCostReductionCents = credits.tradeEquityUsedCents + credits.downPaymentUsedCents;
  const adjustedCapCostCents = grossCapCostCents - capCostReductionCents;
  const payment = leasePayment({
    adjustedCapCostCents,
    residualCents,
    moneyFactor,
    termMonths,
    salesTaxBps: terms.tax.salesTaxBps,
    leaseTax: terms.tax.leaseTax,
  });
  return assembleQuote(figures, terms, {
    kind: 'lease',
    acquisitionCents: terms.fees.leaseAcquisitionCents,
    taxableCents: payment.basePaymentCents * termMonths,
    taxCents: 0,
    downPaymentCents: credits.downPaymentUsedCents,
    finance: null,
    lease: {
      termMonths,
      grossCapCostCents,
      capCostReductionCents,
      adjustedCapCostCents,
      residualBps,
      residualCents,
      moneyFactor,
      aprEquivalentBps: moneyFactorToAprBps(moneyFactor),
      ...payment,
      totalOfPaymentsCents: payment.monthlyPaymentCents * termMonths,
    },
    dueAtSigningCents:
      payment.monthlyPaymentCents +
      credits.downPaymentUsedCents +
      dealerFeesCents(terms) +
      payment.upfrontTaxCents,
    cashBackCents: credits.cashBackCents,
    monthlyPaymentCents: payment.monthlyPaymentCents,
  });
}

function residualBpsFor({ terms, structure }: QuoteInput): number {
  const residual = terms.leaseResiduals.find((offered) => offered.termMonths === structure.termMonths);
  if (!residual) {
    const offered = terms.leaseResiduals.map((r) => r.termMonths).join(', ');
    throw new QuoteError(
      'structure.termMonths',
      offered
        ? `The dealership leases for ${offered} months, not ${structure.termMonths}.`
        : 'The dealership does not offer leases.',
    );
  }
  return residual.residualBps;
}

function leaseMoneyFactor(input: QuoteInput): number {
  const override = input.adjustments?.leaseMoneyFactor;
  if (override == null) return creditTierTerms(input).leaseMoneyFactor;
  if (!Number.isFinite(override) || override < 0) {
    throw new QuoteError(
      'adjustments.leaseMoneyFactor',
      'A money factor is a decimal, 0 or more (e.g. 0.00125).',
    );
  }
  return override;
}

function sellingPriceBelowResidual(input: QuoteInput): QuoteError {
  const field =
    input.adjustments?.sellingPriceCents == null ? 'vehicle.priceCents' : 'adjustments.sellingPriceCents';
  return new QuoteError(field, 'The selling price is below the lease residual: this price cannot be leased.');
}
