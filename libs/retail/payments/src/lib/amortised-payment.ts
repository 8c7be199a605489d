import { roundHalfAwayFromZero } from './rounding';

/**
 * The level monthly payment that repays `principalCents` in `termMonths` at `aprBps` (simple
 * interest on the balance, r = APR / 12): P·r / (1 − (1 + r)^−n), or P / n at 0 %. Rounded half
 * away from zero to the cent.
 */
export function amortisedPaymentCents(principalCents: number, aprBps: number, termMonths: number): number {
  if (principalCents <= 0) return 0;
  const monthlyRate = aprBps / 10_000 / 12;
  if (monthlyRate === 0) return roundHalfAwayFromZero(principalCents / termMonths);
  return roundHalfAwayFromZero((principalCents * monthlyRate) / (1 - Math.pow(1 + monthlyRate, -termMonths)));
}
