import { roundHalfAwayFromZero, shareOfCents } from './rounding';

export interface LeasePaymentInput {
  adjustedCapCostCents: number;
  residualCents: number;
  moneyFactor: number;
  termMonths: number;
  salesTaxBps: number;
  /** `monthly`: tax on each payment; `upfront`: tax on the sum of base payments, paid at signing. */
  leaseTax: 'monthly' | 'upfront';
}

export interface LeasePayment {
  depreciationCents: number;
  rentChargeCents: number;
  basePaymentCents: number;
  monthlyTaxCents: number;
  monthlyPaymentCents: number;
  upfrontTaxCents: number;
}

/**
 * The standard lease payment: depreciation = (adjusted cap cost − residual) / n, rent charge =
 * (adjusted cap cost + residual) × money factor, base payment = depreciation + rent charge, each
 * rounded half away from zero to the cent; then the tax by the dealer's rule.
 */
export function leasePayment(input: LeasePaymentInput): LeasePayment {
  const depreciationCents = roundHalfAwayFromZero(
    (input.adjustedCapCostCents - input.residualCents) / input.termMonths,
  );
  const rentChargeCents = roundHalfAwayFromZero(
    (input.adjustedCapCostCents + input.residualCents) * input.moneyFactor,
  );
  const basePaymentCents = depreciationCents + rentChargeCents;
  const monthlyTaxCents =
    input.leaseTax === 'monthly' ? shareOfCents(basePaymentCents, input.salesTaxBps) : 0;
  const upfrontTaxCents =
    input.leaseTax === 'upfront' ? shareOfCents(basePaymentCents * input.termMonths, input.salesTaxBps) : 0;
  return {
    depreciationCents,
    rentChargeCents,
    basePaymentCents,
    monthlyTaxCents,
    monthlyPaymentCents: basePaymentCents + monthlyTaxCents,
    upfrontTaxCents,
  };
}
