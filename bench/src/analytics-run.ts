// `npm run bench:analytics`: the analytics section of `npm run bench` alone (analytics-section.ts
// has its environment): builds the analytics service for production, then measures the dashboard's
// queries on the embedded engine over a generated history and event collection through the public
// route, each beside a baseline of the same run (bench/src/analytics.ts). Stops by itself: bounded
// queries and seconds per scenario, and a watchdog that ends the run shortly after
// BENCH_ANALYTICS_LIMIT_SECONDS. Also: BENCH_ANALYTICS_PORT (3993; the next port too),
// SHOWROOM_MYSQL_URL, SHOWROOM_REDIS_URL.
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { ANALYTICS_LIMIT_SECONDS, runAnalyticsBench } from './analytics-section';
import { stopAll } from './processes';

/** The collection part's seconds and a build on top of the section's own limit. */
const WATCHDOG_SECONDS = ANALYTICS_LIMIT_SECONDS + 180;

async function main(): Promise<void> {
  setTimeout(() => {
    console.error(`bench:analytics stopped after ${WATCHDOG_SECONDS} s`);
    stopAll();
    process.exit(1);
  }, WATCHDOG_SECONDS * 1_000).unref();

  const report = await withBackingStores(backingStoresFromEnv(), (stores) =>
    runAnalyticsBench({
      ...stores,
      firstPort: Number(process.env['BENCH_ANALYTICS_PORT'] ?? 3993),
      build: true,
    }),
  );
  console.log(`\n${report}`);
}

main()
  .catch((error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(stopAll);
