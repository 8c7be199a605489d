// "A vehicle change visible in search": one instance takes a PATCH; from its answer, searches on
// that instance and on another one (each with its own embedded index, same schema) are repeated
// until the change shows. The change is a price no seeded car has, searched as an exact price
// range; afterwards each car gets its own price back, so the seeded data stays as it was.

export interface VisibilityTarget {
  name: string;
  url: string;
}

export interface VisibilityOptions {
  /** The instance that takes the writes. */
  writer: string;
  /** Where the change is looked for (the writer itself, another instance…). */
  readers: VisibilityTarget[];
  /** A manager at the dealerships. */
  token: string;
  dealershipIds: string[];
  changes: number;
  /** A change not seen this long after the answer counts as missed. */
  timeoutMs: number;
  /** The whole measurement stops after this long, with the changes made so far. */
  budgetMs: number;
}

export interface VisibilityResult {
  reader: string;
  /** ms from the PATCH's answer to the first search that found the change. */
  samples: number[];
  missed: number;
  /** Searches answered by MySQL instead of the index (it was not ready): those would not count. */
  fallbacks: number;
}

interface Car {
  id: string;
  dealershipId: string;
  version: number;
  priceCents: number | null;
}

const POLL_PAUSE_MS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureVisibility(options: VisibilityOptions): Promise<VisibilityResult[]> {
  const headers = (dealershipId: string) => ({
    authorization: `Bearer ${options.token}`,
    'x-dealership-id': dealershipId,
  });
  const cars = await carsToChange(options, headers);
  const results: VisibilityResult[] = options.readers.map((r) => ({
    reader: r.name,
    samples: [],
    missed: 0,
    fallbacks: 0,
  }));
  // Prices above anything seeded, different on every run, one per change.
  const firstPrice = 990_000_000 + (Date.now() % 50_000) * 100;
  const stopAt = performance.now() + options.budgetMs;
  for (const [i, car] of cars.entries()) {
    if (performance.now() > stopAt) break;
    const price = firstPrice + i;
    const changed = await patchPrice(options.writer, headers(car.dealershipId), car, price);
    const answeredAt = performance.now();
    try {
      await Promise.all(
        options.readers.map(async (reader, r) => {
          const seen = await waitUntilFound(reader.url, headers(car.dealershipId), car.id, price, {
            since: answeredAt,
            timeoutMs: options.timeoutMs,
          });
          const result = results[r] as VisibilityResult;
          if (seen.fallback) result.fallbacks++;
          if (seen.ms === null) result.missed++;
          else result.samples.push(seen.ms);
        }),
      );
    } finally {
      // Its own price back, also when a search failed: the seeded data stays as it was.
      await patchPrice(
        options.writer,
        headers(car.dealershipId),
        { ...car, version: changed },
        car.priceCents,
      );
    }
  }
  return results;
}

async function carsToChange(
  options: VisibilityOptions,
  headers: (dealershipId: string) => Record<string, string>,
): Promise<Car[]> {
  const perDealership = Math.ceil(options.changes / options.dealershipIds.length);
  const cars: Car[] = [];
  for (const dealershipId of options.dealershipIds) {
    const res = await fetch(
      `${options.writer}/api/inventory/vehicles?status=available&pageSize=${Math.min(perDealership, 100)}&facets=make`,
      { headers: headers(dealershipId) },
    );
    if (!res.ok) throw new Error(`listing cars to change answered ${res.status}`);
    cars.push(...((await res.json()) as { items: Car[] }).items);
  }
  return cars.slice(0, options.changes);
}

/** Changes the price; answers the new version. */
async function patchPrice(
  api: string,
  headers: Record<string, string>,
  car: Car,
  priceCents: number | null,
): Promise<number> {
  const res = await fetch(`${api}/api/inventory/vehicles/${car.id}`, {
    method: 'PATCH',
    headers: { ...headers, 'content-type': 'application/json', 'if-match': `"v${car.version}"` },
    body: JSON.stringify({ priceCents }),
  });
  if (!res.ok) throw new Error(`PATCH ${car.id} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { version: number }).version;
}

async function waitUntilFound(
  api: string,
  headers: Record<string, string>,
  id: string,
  price: number,
  { since, timeoutMs }: { since: number; timeoutMs: number },
): Promise<{ ms: number | null; fallback: boolean }> {
  const url = `${api}/api/inventory/vehicles?priceMin=${price}&priceMax=${price}&pageSize=1&facets=make`;
  let fallback = false;
  while (performance.now() - since < timeoutMs) {
    const res = await fetch(url, { headers });
    fallback ||= res.headers.has('search-fallback');
    const page = (await res.json()) as { items?: Array<{ id: string }> };
    if (page.items?.some((item) => item.id === id)) return { ms: performance.now() - since, fallback };
    await sleep(POLL_PAUSE_MS);
  }
  return { ms: null, fallback };
}

/** Nearest-rank percentile of the samples (ms). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function formatVisibilityTable(results: VisibilityResult[], goalMs: number): string {
  const head = `${'change visible in search (ms from the PATCH answer)'.padEnd(58)}${'n'.padStart(5)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}${'missed'.padStart(8)}  p99 ≤ ${goalMs} ms`;
  const lines = results.map((r) => {
    const p99 = percentile(r.samples, 99);
    const met = r.missed === 0 && p99 <= goalMs ? 'met' : 'MISSED';
    const note = r.fallbacks > 0 ? ` (${r.fallbacks} searches answered by MySQL)` : '';
    return `${r.reader.padEnd(58)}${String(r.samples.length).padStart(5)}${percentile(r.samples, 50).toFixed(1).padStart(8)}${p99.toFixed(1).padStart(8)}${Math.max(
      ...r.samples,
    )
      .toFixed(1)
      .padStart(8)}${String(r.missed).padStart(8)}  ${met}${note}`;
  });
  return [head, ...lines].join('\n');
}
