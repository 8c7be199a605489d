// `npm run bench:analytics`: builds the analytics service for production, then measures the
// dashboard's queries on the embedded engine over a generated history and event collection through
// the public route, each beside a baseline of the same run (bench/src/analytics.ts). Stops by itself:
// bounded queries and seconds per scenario, and a watchdog that ends the run after
// BENCH_ANALYTICS_LIMIT_SECONDS (600). Environment: BENCH_ANALYTICS_EVENTS (1,000,000),
// BENCH_ANALYTICS_DAYS (90), BENCH_ANALYTICS_DEALERSHIPS (4), BENCH_ANALYTICS_QUERY_RUNS (100),
// BENCH_SECONDS (10), BENCH_CONNECTIONS (8), BENCH_ANALYTICS_PORT (3993; the next port too),
// SHOWROOM_MYSQL_URL, SHOWROOM_REDIS_URL.
import { join } from 'node:path';
import {
  formatCollectionReport,
  formatQueryReport,
  measureCollection,
  measureQueries,
  type AnalyticsBenchSettings,
} from './analytics';
import { finish, ROOT, start, stopAll } from './processes';

const LIMIT_SECONDS = Number(process.env['BENCH_ANALYTICS_LIMIT_SECONDS'] ?? 600);

async function main(): Promise<void> {
  setTimeout(() => {
    console.error(`bench:analytics stopped after ${LIMIT_SECONDS} s`);
    stopAll();
    process.exit(1);
  }, LIMIT_SECONDS * 1_000).unref();

  const settings: AnalyticsBenchSettings = {
    events: Number(process.env['BENCH_ANALYTICS_EVENTS'] ?? 1_000_000),
    days: Number(process.env['BENCH_ANALYTICS_DAYS'] ?? 90),
    dealerships: Number(process.env['BENCH_ANALYTICS_DEALERSHIPS'] ?? 4),
    queryRuns: Number(process.env['BENCH_ANALYTICS_QUERY_RUNS'] ?? 100),
    seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
    connections: Number(process.env['BENCH_CONNECTIONS'] ?? 8),
  };
  // The queries first, alone on the machine: the build and the service would only add noise.
  const queries = await measureQueries(settings);
  console.log(`\n${formatQueryReport(settings, queries)}\n`);

  console.log('Building the analytics service for production…');
  const built = await finish(
    start(
      [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'build', 'analytics', '--configuration=production'],
      {
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
      },
    ),
  );
  if (built !== 0) throw new Error('build failed');
  const collection = await measureCollection({
    mysqlUrl: process.env['SHOWROOM_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306',
    redisUrl: process.env['SHOWROOM_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0',
    settings,
    firstPort: Number(process.env['BENCH_ANALYTICS_PORT'] ?? 3993),
  });
  console.log(`\n${formatCollectionReport(settings, collection)}`);
}

main()
  .catch((error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(stopAll);
