// `npm run bench:analytics` runs this in its own process (bench/src/analytics.ts): a generated
// history (bench-history.ts) into an in-memory DuckDbEngine, then every question the dashboard asks,
// timed, beside `SELECT 1` through the same client library. Progress goes to stderr; the figures
// are printed as one JSON line on stdout for the bench to format. Environment: BENCH_ANALYTICS_EVENTS
// (1,000,000), BENCH_ANALYTICS_DAYS (90), BENCH_ANALYTICS_DEALERSHIPS (4), BENCH_ANALYTICS_QUERY_RUNS (100),
// BENCH_DUCKDB_THREADS (DuckDB's default, one per core; 1 compares a single-threaded engine on a busy machine).
import { availableParallelism, loadavg } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { AGING_BUCKETS, MAX_REPORT_ROWS } from '@showroom/contracts';
import type { AnalyticsEngine, EventFilter } from '../port';
import { benchHistory } from './bench-history';
import { DuckDbEngine } from './duckdb-engine';

const DAY_MS = 86_400_000;
const TIME_ZONE = 'America/New_York';

export interface QueryTiming {
  name: string;
  rows: number;
  p50: number;
  p99: number;
}

export interface QueryBenchReport {
  events: number;
  days: number;
  dealerships: number;
  runs: number;
  loadSeconds: number;
  /** The machine's 1-minute load average when the timing ended, and its cores: a shared machine's figures need both. */
  loadAverage: number;
  cores: number;
  baseline: QueryTiming;
  timings: QueryTiming[];
}

/** The bench's dealerships (the same ids bench/src/processes.ts gives). */
const benchDealership = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function timeQuery(name: string, runs: number, ask: () => Promise<unknown>): Promise<QueryTiming> {
  let answer: unknown;
  for (let i = 0; i < 5; i++) answer = await ask();
  const millis: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    answer = await ask();
    millis.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  millis.sort((a, b) => a - b);
  return {
    name,
    rows: Array.isArray(answer) ? answer.length : 1,
    p50: percentile(millis, 50),
    p99: percentile(millis, 99),
  };
}

/** Every question the report routes ask, for a 30-day rooftop view, one salesperson, and a 90-day group view. */
function dashboardQueries(engine: AnalyticsEngine, dealershipIds: string[], end: Date, days: number) {
  const rooftop: EventFilter = {
    dealershipIds: dealershipIds.slice(0, 1),
    from: new Date(end.getTime() - 30 * DAY_MS),
    to: end,
    timeZone: TIME_ZONE,
  };
  const salesperson: EventFilter = { ...rooftop, salespersonId: 'bench-sp-0-3' };
  const group: EventFilter = { ...rooftop, dealershipIds, from: new Date(end.getTime() - days * DAY_MS) };
  const target = 15 * 60;
  const buckets = AGING_BUCKETS.map((b) => b.fromDays);
  return [
    { name: 'leadsBySourceAndDay (rooftop, 30 days)', ask: () => engine.leadsBySourceAndDay(rooftop) },
    {
      name: 'leadsBySourceAndDay (a salesperson, 30 days)',
      ask: () => engine.leadsBySourceAndDay(salesperson),
    },
    { name: 'funnelBySource (rooftop, 30 days)', ask: () => engine.funnelBySource(rooftop) },
    { name: 'funnelBySource (group, 90 days: every event)', ask: () => engine.funnelBySource(group) },
    {
      name: 'firstResponseBySalesperson (rooftop, 30 days)',
      ask: () => engine.firstResponseBySalesperson(rooftop, target),
    },
    {
      name: 'firstResponseOverall (rooftop, 30 days)',
      ask: () => engine.firstResponseOverall(rooftop, target),
    },
    { name: 'leadsAndSalesBySource (rooftop, 30 days)', ask: () => engine.leadsAndSalesBySource(rooftop) },
    {
      name: 'leadsAndSalesBySalesperson (rooftop, 30 days)',
      ask: () => engine.leadsAndSalesBySalesperson(rooftop),
    },
    {
      name: 'inventoryAging (rooftop, at the end)',
      ask: () => engine.inventoryAging(rooftop.dealershipIds, end, buckets),
    },
    { name: 'daysToSell (rooftop, 30 days)', ask: () => engine.daysToSell(rooftop) },
    {
      name: 'noResultSearches (rooftop, 30 days, top 50)',
      ask: () => engine.noResultSearches(rooftop, MAX_REPORT_ROWS),
    },
    { name: 'searchTotals (rooftop, 30 days)', ask: () => engine.searchTotals(rooftop) },
    { name: 'rooftopFigures (group, 90 days)', ask: () => engine.rooftopFigures(group) },
    { name: 'leadSources (rooftop, 30 days)', ask: () => engine.leadSources(rooftop) },
  ];
}

export async function measureQueries(settings: {
  events: number;
  days: number;
  dealerships: number;
  runs: number;
}): Promise<QueryBenchReport> {
  const dealershipIds = Array.from({ length: settings.dealerships }, (_, i) => benchDealership(i + 1));
  // Whole UTC days, so the 30-day view covers whole days of the history.
  const end = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const threads = Number(process.env['BENCH_DUCKDB_THREADS'] ?? 0) || undefined;
  const engine = new DuckDbEngine({ path: ':memory:', threads });
  const floor = await DuckDBInstance.create(':memory:');
  try {
    console.error(`analytics queries: storing ${settings.events.toLocaleString('en-US')} generated events…`);
    const started = process.hrtime.bigint();
    let stored = 0;
    for (const day of benchHistory({
      dealershipIds,
      days: settings.days,
      totalEvents: settings.events,
      end,
    })) {
      await engine.append(day);
      stored += day.length;
    }
    const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;

    console.error(`analytics queries: timing each ${settings.runs} times after a warm-up…`);
    const connection = await floor.connect();
    const baseline = await timeQuery(
      'baseline: SELECT 1 (the same client library)',
      settings.runs,
      async () => (await connection.runAndReadAll('SELECT 1 AS one')).getRowObjectsJS(),
    );
    const timings: QueryTiming[] = [];
    for (const query of dashboardQueries(engine, dealershipIds, end, settings.days)) {
      timings.push(await timeQuery(query.name, settings.runs, query.ask));
    }
    connection.closeSync();
    return {
      ...settings,
      events: stored,
      loadSeconds,
      loadAverage: loadavg()[0] ?? 0,
      cores: availableParallelism(),
      baseline,
      timings,
    };
  } finally {
    await engine.close();
    floor.closeSync();
  }
}

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

if (process.argv[1]?.endsWith('bench-queries.ts')) {
  measureQueries({
    events: setting('BENCH_ANALYTICS_EVENTS', 1_000_000),
    days: setting('BENCH_ANALYTICS_DAYS', 90),
    dealerships: setting('BENCH_ANALYTICS_DEALERSHIPS', 4),
    runs: setting('BENCH_ANALYTICS_QUERY_RUNS', 100),
  }).then(
    (report) => console.log(JSON.stringify(report)),
    (error: unknown) => {
      console.error('analytics query bench failed:', error);
      process.exit(1);
    },
  );
}
