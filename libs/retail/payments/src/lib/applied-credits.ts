/** How the trade's positive equity and the down payment are used against what a deal needs. */
export interface AppliedCredits {
  /** The part of the positive trade equity that pays down what the deal needs. */
  tradeEquityUsedCents: number;
  /** The part of the down payment still needed once the trade's equity is applied. */
  downPaymentUsedCents: number;
  /** What is left of the deal's need after both: financed, capitalised above the residual, or paid in cash. */
  remainingCents: number;
  /** The trade's equity beyond the whole need: paid back to the shopper (never the down payment). */
  cashBackCents: number;
}

/**
 * Positive trade equity is applied first, then only the part of the down payment that still fits.
 * A down payment larger than the deal needs is not taken (it is not the dealer's to pay back), and
 * cash back comes only from a trade worth more than the deal needs.
 */
export function applyCredits(
  neededCents: number,
  tradeEquityCents: number,
  downPaymentCents: number,
): AppliedCredits {
  const positiveEquityCents = Math.max(0, tradeEquityCents);
  const tradeEquityUsedCents = Math.min(positiveEquityCents, neededCents);
  const afterTradeCents = neededCents - tradeEquityUsedCents;
  const downPaymentUsedCents = Math.min(downPaymentCents, afterTradeCents);
  return {
    tradeEquityUsedCents,
    downPaymentUsedCents,
    remainingCents: afterTradeCents - downPaymentUsedCents,
    cashBackCents: positiveEquityCents - tradeEquityUsedCents,
  };
}
