import autocannon from 'autocannon';

export interface LoadSettings {
  connections: number;
  seconds: number;
  /** Requests per second across all connections; unset means as fast as answers come back. */
  overallRate?: number;
}

export interface LoadResult {
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p975: number;
  p99: number;
  /** Answered within the run; `sent` also counts those still in flight when it ended. */
  requests: number;
  sent: number;
  failures: number;
}

export interface Scenario {
  name: string;
  url: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  /** A fresh path, body or headers for each request (e.g. to defeat the cache, or a new lead each time). */
  nextRequest?: () => { path?: string; body?: string; headers?: Record<string, string> };
}

/** Drives one scenario at fixed concurrency over loopback; bounded by `seconds`. */
export async function drive(scenario: Scenario, settings: LoadSettings): Promise<LoadResult> {
  const result = await autocannon({
    url: scenario.url,
    connections: settings.connections,
    duration: settings.seconds,
    ...(settings.overallRate ? { overallRate: settings.overallRate } : {}),
    method: scenario.method ?? 'GET',
    headers: scenario.headers,
    ...(scenario.nextRequest
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => {
                const next = scenario.nextRequest?.() ?? {};
                return { ...request, ...next, headers: { ...request.headers, ...next.headers } };
              },
            },
          ],
        }
      : {}),
  });
  return {
    scenario: scenario.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    requests: result.requests.total,
    sent: result.requests.sent,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

export function formatTable(results: LoadResult[], baselineName: string): string {
  const baseline = results.find((r) => r.scenario === baselineName)?.requestsPerSecond ?? NaN;
  const header = `${'scenario'.padEnd(44)}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'failed'.padStart(8)}  vs bare Express`;
  const lines = results.map(
    (r) =>
      `${r.scenario.padEnd(44)}${r.requestsPerSecond.toFixed(0).padStart(10)}${String(r.p50).padStart(9)}${String(r.p99).padStart(9)}${String(r.failures).padStart(8)}  ${((r.requestsPerSecond / baseline) * 100).toFixed(0)}%`,
  );
  return [header, ...lines].join('\n');
}

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Repeated runs of one scenario as one result: each figure the median of the runs', failures summed. */
export function medianResult(results: LoadResult[]): LoadResult {
  const of = (field: 'requestsPerSecond' | 'p50' | 'p975' | 'p99' | 'requests' | 'sent') =>
    median(results.map((r) => r[field]));
  return {
    scenario: results[0]?.scenario ?? '',
    requestsPerSecond: of('requestsPerSecond'),
    p50: of('p50'),
    p975: of('p975'),
    p99: of('p99'),
    requests: of('requests'),
    sent: of('sent'),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
  };
}
