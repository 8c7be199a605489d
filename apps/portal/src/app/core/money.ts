/**
 * Money travels as integer cents (the API's rule); dealers read and type dollars.
 * Everything that crosses between the two goes through here.
 */

/** 19999.99 → 1999999. Rounds to the nearest cent, so floating-point dust never reaches the API. */
export function dollarsToCents(dollars: number): number {
  if (!Number.isFinite(dollars)) throw new RangeError(`not an amount: ${dollars}`);
  return Math.round(dollars * 100);
}

export function dollarsToCentsOrNull(dollars: number | null | undefined): number | null {
  return dollars === null || dollars === undefined ? null : dollarsToCents(dollars);
}

export function centsToDollars(cents: number): number {
  return cents / 100;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** 2599900, 'USD' → "$25,999"; 2599950 → "$25,999.50". Whole amounts drop the cents, as price tags do. */
export function formatCents(cents: number | null | undefined, currency = 'USD', locale = 'en-US'): string {
  if (cents === null || cents === undefined) return '—';
  const whole = cents % 100 === 0;
  const key = `${locale}|${currency}|${whole}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(cents / 100);
}

/** True when the amount has at most two decimals (a price, not a typo like 12.345). */
export function hasWholeCents(dollars: number): boolean {
  return Math.abs(dollars * 100 - Math.round(dollars * 100)) < 1e-6;
}
