// The analytics section of the bench (bench/src/analytics.ts measures; this runs and bounds it):
// the last section of `npm run bench`, and all of `npm run bench:analytics`. Environment:
// BENCH_ANALYTICS_EVENTS (1,000,000), BENCH_ANALYTICS_DAYS (90), BENCH_ANALYTICS_DEALERSHIPS (4),
// BENCH_ANALYTICS_QUERY_RUNS (100), BENCH_ANALYTICS_LIMIT_SECONDS (600), BENCH_SECONDS (10),
// BENCH_CONNECTIONS (8).
import { join } from 'node:path';
import {
  formatCollectionReport,
  formatQueryReport,
  measureCollection,
  measureQueries,
  type AnalyticsBenchSettings,
} from './analytics';
import { finish, ROOT, start } from './processes';

export const ANALYTICS_LIMIT_SECONDS = Number(process.env['BENCH_ANALYTICS_LIMIT_SECONDS'] ?? 600);

export interface AnalyticsSectionOptions {
  mysqlUrl: string;
  redisUrl: string;
  /** Two consecutive free ports: the analytics service, the users stand-in. */
  firstPort: number;
  /** Build the service first; `npm run bench` builds it with the others instead. */
  build: boolean;
}

export function analyticsSettings(): AnalyticsBenchSettings {
  return {
    events: Number(process.env['BENCH_ANALYTICS_EVENTS'] ?? 1_000_000),
    days: Number(process.env['BENCH_ANALYTICS_DAYS'] ?? 90),
    dealerships: Number(process.env['BENCH_ANALYTICS_DEALERSHIPS'] ?? 4),
    queryRuns: Number(process.env['BENCH_ANALYTICS_QUERY_RUNS'] ?? 100),
    seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
    connections: Number(process.env['BENCH_CONNECTIONS'] ?? 8),
  };
}

/**
 * Both parts, the queries first (nothing of the section running beside them), and their report.
 * Bounded: the query process is killed at BENCH_ANALYTICS_LIMIT_SECONDS, and what follows it only
 * starts before that limit; collection is bounded by its seconds per scenario.
 */
export async function runAnalyticsBench(options: AnalyticsSectionOptions): Promise<string> {
  const settings = analyticsSettings();
  const deadline = AbortSignal.timeout(ANALYTICS_LIMIT_SECONDS * 1_000);
  console.log(
    `Analytics: ${settings.events.toLocaleString('en-US')} generated events, then collection ` +
      `(stops after ${ANALYTICS_LIMIT_SECONDS} s)…`,
  );
  const queries = formatQueryReport(settings, await measureQueries(settings, deadline));
  console.log('Analytics queries measured (the report follows with collection).');

  if (options.build) {
    console.log('Building the analytics service for production…');
    const built = await finish(
      start(
        [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'build', 'analytics', '--configuration=production'],
        { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      ),
    );
    if (built !== 0) throw new Error('build failed');
  }
  if (deadline.aborted) throw new Error(`analytics stopped after ${ANALYTICS_LIMIT_SECONDS} s`);
  const collection = await measureCollection({
    mysqlUrl: options.mysqlUrl,
    redisUrl: options.redisUrl,
    settings,
    firstPort: options.firstPort,
  });
  return `${queries}\n\n${formatCollectionReport(settings, collection)}`;
}
