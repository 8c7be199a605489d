import { roundHalfAwayFromZero } from './rounding';

/**
 * A lease's money factor and its APR equivalent: APR % = money factor × 2400, so
 * APR in basis points = money factor × 240 000.
 */
const BPS_PER_MONEY_FACTOR = 240_000;

/** 0.00125 → 300 (3.00 %), rounded half away from zero to the basis point. */
export function moneyFactorToAprBps(moneyFactor: number): number {
  return roundHalfAwayFromZero(moneyFactor * BPS_PER_MONEY_FACTOR);
}

/**
 * 300 → 0.00125, rounded to six decimals (as dealers quote money factors); one basis point is
 * 0.0000041667, so the APR equivalent of the result is the basis points given.
 */
export function aprBpsToMoneyFactor(aprBps: number): number {
  return Math.round((aprBps / BPS_PER_MONEY_FACTOR) * 1e6) / 1e6;
}
