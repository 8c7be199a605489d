/**
 * Money is integer cents. A figure that is not whole cents (a tax, a payment, a lease component)
 * is rounded half away from zero to the cent where it is stated, and the next step uses the
 * rounded figure, so the browser, the server and the dealer's paperwork add up the same way.
 */

/**
 * Rounds half away from zero. Floating-point noise (0.125 stored as 0.12499999…) is removed first
 * by rounding to a millionth of a cent: no figure of a quote has a meaningful digit that small.
 */
export function roundHalfAwayFromZero(value: number): number {
  const magnitude = Math.round(Math.abs(value) * 1e6) / 1e6;
  const rounded = Math.floor(magnitude + 0.5);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** `cents` × `bps` / 10 000, rounded half away from zero, in exact integer arithmetic. */
export function shareOfCents(cents: number, bps: number): number {
  return divideRounded(cents * bps, 10_000);
}

/** An exact integer division rounded half away from zero (both numbers are whole). */
export function divideRounded(dividend: number, divisor: number): number {
  const magnitude = Math.abs(dividend);
  const whole = Math.floor(magnitude / divisor);
  const remainder = magnitude - whole * divisor;
  const rounded = remainder * 2 >= divisor ? whole + 1 : whole;
  return dividend < 0 && rounded !== 0 ? -rounded : rounded;
}
