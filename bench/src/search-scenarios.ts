// Searches at 100,000 vehicles, each driven against the embedded engine and against MySQL alone
// (SEARCH_ENGINE=mysql: today's query) in the same run. A bound moves by one cent on every request
// and the dealership rotates, so no two requests in a row are the same query: nothing can be
// answered from a cache anywhere.
import type { LoadResult, Scenario } from './load';

export interface SearchContext {
  /** A viewer at every bench dealership. */
  token: string;
  dealershipIds: string[];
  /** The dealerships of one group (group search covers them all). */
  group: string[];
}

export interface SearchVariant {
  name: string;
  scenario(api: string): Scenario;
}

/** Misspelt searches a dealer might type, for makes and models the bench seed holds. */
export const TYPO_SEARCHES = ['toyta camry', 'hnda civic', 'chevy silverdo', 'ford explorr', 'subaru outbak'];

const rotate = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

export function searchVariants({ token, dealershipIds, group }: SearchContext): SearchVariant[] {
  const dealer = (dealershipId: string) => ({
    authorization: `Bearer ${token}`,
    'x-dealership-id': dealershipId,
  });
  const variant = (
    name: string,
    next: (n: number) => { path: string; headers?: Record<string, string> },
  ): SearchVariant => ({
    name,
    scenario(api) {
      let n = 0;
      const first = next(0);
      return { name, url: `${api}${first.path}`, headers: first.headers, nextRequest: () => next(n++) };
    },
  });
  return [
    variant('filters + facets + sort', (n) => ({
      path: `/api/inventory/vehicles?status=available&condition=used,certified&yearMin=2019&priceMax=${4_000_000 + (n % 1_000_000)}&sort=-price&pageSize=25`,
      headers: dealer(rotate(dealershipIds, n)),
    })),
    variant('text with a typo + facets', (n) => ({
      path: `/api/inventory/vehicles?q=${encodeURIComponent(rotate(TYPO_SEARCHES, n))}&priceMax=${6_000_000 + (n % 1_000_000)}&pageSize=25`,
      headers: dealer(rotate(dealershipIds, n)),
    })),
    variant(`group search (${group.length} rooftops)`, (n) => ({
      path: `/api/inventory/group/vehicles?status=available&bodyStyle=suv,pickup&priceMax=${5_000_000 + (n % 1_000_000)}&sort=price&pageSize=25`,
      headers: dealer(rotate(group, n)),
    })),
    variant('public website search', (n) => ({
      path: `/api/inventory/public/dealerships/${rotate(dealershipIds, n)}/vehicles?condition=used&yearMin=2020&priceMax=${3_500_000 + (n % 1_000_000)}&sort=price&pageSize=25`,
    })),
  ];
}

/** One request of the scenario, to see what it finds and which engine answered. */
export interface Probe {
  status: number;
  total: number | null;
  /** Set when MySQL answered for the engine (the Search-Fallback header). */
  fallback: string | null;
}

export async function probe(scenario: Scenario): Promise<Probe> {
  const next = scenario.nextRequest?.() ?? {};
  const url = next.path ? new URL(next.path, scenario.url) : new URL(scenario.url);
  const res = await fetch(url, { headers: { ...scenario.headers, ...next.headers } });
  const body = (await res.json().catch(() => ({}))) as { total?: number };
  return { status: res.status, total: body.total ?? null, fallback: res.headers.get('search-fallback') };
}

export interface SideBySide {
  variant: string;
  embedded: LoadResult & { probe: Probe };
  mysql: LoadResult & { probe: Probe };
}

export function formatSearchTable(rows: SideBySide[], p99GoalMs: number): string {
  const cells = (r: LoadResult & { probe: Probe }) =>
    `${r.requestsPerSecond.toFixed(0).padStart(7)}${String(r.p50).padStart(6)}${String(r.p99).padStart(6)}${String(r.probe.total ?? r.probe.status).padStart(7)}${String(r.failures).padStart(5)}`;
  const head = `${'req/s'.padStart(7)}${'p50'.padStart(6)}${'p99'.padStart(6)}${'found'.padStart(7)}${'fail'.padStart(5)}`;
  const lines = [
    `${''.padEnd(34)}| embedded engine${''.padEnd(15)}| SEARCH_ENGINE=mysql (today's query)`,
    `${'search (ms)'.padEnd(34)}|${head} |${head} | embedded p99 ≤ ${p99GoalMs} ms`,
    ...rows.map((r) => {
      const speedup = r.embedded.requestsPerSecond / r.mysql.requestsPerSecond;
      const goal = r.embedded.p99 <= p99GoalMs ? 'met' : 'MISSED';
      const fallback = r.embedded.probe.fallback ? ' (embedded fell back to MySQL!)' : '';
      return `${r.variant.padEnd(34)}|${cells(r.embedded)} |${cells(r.mysql)} | ${goal}, ${speedup.toFixed(1)}× req/s${fallback}`;
    }),
  ];
  if (rows.some((r) => r.embedded.probe.total !== r.mysql.probe.total)) {
    lines.push('Where "found" differs, SEARCH_ENGINE=mysql matched words exactly: it has no typo tolerance.');
  }
  return lines.join('\n');
}
