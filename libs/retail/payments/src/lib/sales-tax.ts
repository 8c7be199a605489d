import type { TaxRules } from '@showroom/contracts';
import { shareOfCents } from './rounding';

export interface TaxableFigures {
  sellingPriceCents: number;
  /** Documentation + title + registration. */
  feesCents: number;
  productsCents: number;
  /** Value − payoff; only a positive equity reduces the taxable amount. */
  tradeEquityCents: number;
}

/**
 * What sales tax is charged on for a finance or cash deal: the selling price, less the trade's
 * positive equity when the dealer's state allows it (never below 0), plus the fees when they are
 * taxed, plus the protection products when they are taxed.
 */
export function taxableCents(figures: TaxableFigures, rules: TaxRules): number {
  const tradeCredit = rules.tradeReducesTaxable ? Math.max(0, figures.tradeEquityCents) : 0;
  const vehicle = Math.max(0, figures.sellingPriceCents - tradeCredit);
  return (
    vehicle +
    (rules.feesTaxable ? figures.feesCents : 0) +
    (rules.productsTaxable ? figures.productsCents : 0)
  );
}

/** `taxable` × the rate, rounded half away from zero to the cent. */
export function salesTaxCents(taxable: number, salesTaxBps: number): number {
  return shareOfCents(taxable, salesTaxBps);
}
