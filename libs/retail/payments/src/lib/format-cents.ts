import { roundHalfAwayFromZero } from './rounding';

/**
 * "$1,234.56" (US dollars, grouping commas, always two decimals; "-$12.00" below zero). Written
 * out rather than through Intl so the server-drawn page and the browser print the same text.
 */
export function formatCents(cents: number): string {
  const whole = roundHalfAwayFromZero(cents);
  const magnitude = Math.abs(whole);
  const dollars = Math.floor(magnitude / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (magnitude % 100).toString().padStart(2, '0');
  return `${whole < 0 ? '-' : ''}$${dollars}.${rest}`;
}
