import type { Quote } from '@showroom/contracts';
import type { QuoteInput } from './quote-input';
import { amortisedPaymentCents } from './amortised-payment';
import { applyCredits } from './applied-credits';
import { creditTierTerms, dealFigures } from './deal-figures';
import { QuoteError } from './quote-error';
import { assembleQuote, dealerFeesCents } from './quote-parts';
import { dealSalesTax } from './sales-tax-of-deal';

/** Same range as the contracts' FINANCE_TERM_MIN_MONTHS / _MAX_MONTHS (the lib has no runtime imports). */
export const FINANCE_TERM_RANGE = { min: 24, max: 84 } as const;

/**
 * A retail instalment contract: everything owed (price, fees, products, tax, and any negative trade
 * equity) less the trade's positive equity, then less the part of the down payment still needed, is
 * financed at the tier's APR (or the desk's) and repaid in level monthly payments. The down payment
 * used is what is due at signing; only trade equity beyond what is owed comes back as cash.
 */
export function financeQuote(input: QuoteInput): Quote {
  const figures = dealFigures(input);
  const termMonths = financeTerm(input.structure.termMonths);
  const aprBps = financeAprBps(input);
  const { taxableCents, taxCents } = dealSalesTax(figures, input.terms);
  const owedCents =
    figures.sellingPriceCents +
    dealerFeesCents(input.terms) +
    figures.productsCents +
    taxCents +
    Math.max(0, -figures.tradeEquityCents);
  const credits = applyCredits(owedCents, figures.tradeEquityCents, figures.downPaymentCents);
  const amountFinancedCents = credits.remainingCents;
  const monthlyPaymentCents = amortisedPaymentCents(amountFinancedCents, aprBps, termMonths);
  // At 0 % the last payment absorbs the rounding of P / n, so nothing is charged for the credit.
  const totalOfPaymentsCents = aprBps === 0 ? amountFinancedCents : monthlyPaymentCents * termMonths;
  return assembleQuote(figures, input.terms, {
    kind: 'finance',
    acquisitionCents: 0,
    taxableCents,
    taxCents,
    downPaymentCents: credits.downPaymentUsedCents,
    finance: {
      amountFinancedCents,
      aprBps,
      termMonths,
      monthlyPaymentCents,
      totalOfPaymentsCents,
      financeChargeCents: totalOfPaymentsCents - amountFinancedCents,
    },
    lease: null,
    dueAtSigningCents: credits.downPaymentUsedCents,
    cashBackCents: credits.cashBackCents,
    monthlyPaymentCents,
  });
}

function financeTerm(termMonths: number): number {
  if (
    !Number.isInteger(termMonths) ||
    termMonths < FINANCE_TERM_RANGE.min ||
    termMonths > FINANCE_TERM_RANGE.max
  ) {
    throw new QuoteError(
      'structure.termMonths',
      `A finance term runs ${FINANCE_TERM_RANGE.min} to ${FINANCE_TERM_RANGE.max} months.`,
    );
  }
  return termMonths;
}

function financeAprBps(input: QuoteInput): number {
  const override = input.adjustments?.financeAprBps;
  if (override == null) return creditTierTerms(input).financeAprBps;
  if (!Number.isInteger(override) || override < 0) {
    throw new QuoteError('adjustments.financeAprBps', 'An APR is a whole number of basis points, 0 or more.');
  }
  return override;
}
