import type { Range } from '@showroom/contracts';

export interface RangeOption {
  value: number;
  label: string;
}

const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US')}`;
const PRICE_STEPS = [
  5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 40_000, 50_000, 60_000, 75_000, 100_000,
];
const MILEAGE_STEPS = [10_000, 25_000, 50_000, 75_000, 100_000, 125_000, 150_000];

/** Price bounds in cents (as the URL carries them), offered in dollars. */
export const PRICE_OPTIONS: RangeOption[] = PRICE_STEPS.map((amount) => ({
  value: amount * 100,
  label: dollars(amount * 100),
}));

export const MILEAGE_OPTIONS: RangeOption[] = MILEAGE_STEPS.map((miles) => ({
  value: miles,
  label: `${miles.toLocaleString('en-US')} mi`,
}));

/** Model years from the oldest to the newest car on the lot (newest first), or the last 20 years. */
export function yearOptions(range: Range | undefined, thisYear = new Date().getUTCFullYear()): RangeOption[] {
  const newest = range?.max ?? thisYear + 1;
  const oldest = Math.max(range?.min ?? newest - 20, newest - 40);
  const years: RangeOption[] = [];
  for (let year = newest; year >= oldest; year--) years.push({ value: year, label: String(year) });
  return years;
}
