import type { ValuationGridRow } from '@showroom/contracts';
import { generateDemoVehicles } from '@showroom/demo-data';

/** Enough generated cars that every model line of the demo catalogue shows up (the seed is fixed). */
const CATALOGUE_SAMPLE = 2_000;

interface ModelLine {
  make: string;
  model: string;
  /** What the line sells for new (average of the sample's new cars), in cents. */
  newPriceCents: number;
}

const dollars100 = (cents: number) => Math.round(cents / 10_000) * 10_000;

/** The model lines the demo inventories are generated from, with what each sells for new. */
export function demoModelLines(currentYear: number): ModelLine[] {
  const prices = new Map<
    string,
    { make: string; model: string; total: number; count: number; highest: number }
  >();
  for (const car of generateDemoVehicles({ count: CATALOGUE_SAMPLE, seed: 12, currentYear })) {
    const key = `${car.make}|${car.model}`;
    const line = prices.get(key) ?? { make: car.make, model: car.model, total: 0, count: 0, highest: 0 };
    const price = car.priceCents ?? 0;
    if (car.condition === 'new') {
      line.total += price;
      line.count += 1;
    }
    line.highest = Math.max(line.highest, price);
    prices.set(key, line);
  }
  return [...prices.values()]
    .map((line) => ({
      make: line.make,
      model: line.model,
      newPriceCents: line.count > 0 ? Math.round(line.total / line.count) : line.highest,
    }))
    .sort((a, b) => `${a.make} ${a.model}`.localeCompare(`${b.make} ${b.model}`));
}

/**
 * A wholesale-style grid for the demo: for each model line, a row for nearly new trades (up to 3
 * years, 45,000 miles) and one for older ones (4–8 years, 110,000 miles), then a catch-all row per
 * make (12 years, 200,000 miles) for anything else. Ranges for a trade in good condition.
 */
export function demoValuationGrid(currentYear: number): ValuationGridRow[] {
  const lines = demoModelLines(currentYear);
  const modelRows = lines.flatMap((line): ValuationGridRow[] => [
    {
      make: line.make,
      model: line.model,
      yearFrom: currentYear - 3,
      yearTo: currentYear + 1,
      maxMileage: 45_000,
      lowCents: dollars100(line.newPriceCents * 0.6),
      highCents: dollars100(line.newPriceCents * 0.74),
    },
    {
      make: line.make,
      model: line.model,
      yearFrom: currentYear - 8,
      yearTo: currentYear - 4,
      maxMileage: 110_000,
      lowCents: dollars100(line.newPriceCents * 0.32),
      highCents: dollars100(line.newPriceCents * 0.5),
    },
  ]);
  const cheapestByMake = new Map<string, number>();
  for (const line of lines) {
    cheapestByMake.set(line.make, Math.min(cheapestByMake.get(line.make) ?? Infinity, line.newPriceCents));
  }
  const makeRows = [...cheapestByMake].map(([make, newPriceCents]): ValuationGridRow => ({
    make,
    model: null,
    yearFrom: currentYear - 12,
    yearTo: currentYear + 1,
    maxMileage: 200_000,
    lowCents: dollars100(newPriceCents * 0.1),
    highCents: dollars100(newPriceCents * 0.3),
  }));
  return [...modelRows, ...makeRows];
}
