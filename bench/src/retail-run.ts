// `npm run bench:retail`: builds the retail service for production, then measures its payment quote
// beside baselines of the same run (bench/src/retail.ts). Stops by itself: a bounded number of
// requests per scenario, and a watchdog that ends the run after BENCH_RETAIL_LIMIT_SECONDS (300).
// Environment: BENCH_RETAIL_REQUESTS (5000 per scenario), BENCH_CONNECTIONS (4),
// BENCH_RETAIL_CALLS (20000 quoteDeal calls), SHOWROOM_MYSQL_URL, SHOWROOM_REDIS_URL.
import { join } from 'node:path';
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { runRetailBench } from './retail';
import { finish, ROOT, start, stopAll } from './processes';

const LIMIT_SECONDS = Number(process.env['BENCH_RETAIL_LIMIT_SECONDS'] ?? 300);

async function main(): Promise<void> {
  setTimeout(() => {
    console.error(`bench:retail stopped after ${LIMIT_SECONDS} s`);
    stopAll();
    process.exit(1);
  }, LIMIT_SECONDS * 1_000).unref();

  console.log('Building the retail service for production…');
  const built = await finish(
    start([join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'build', 'retail', '--configuration=production'], {
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
    }),
  );
  if (built !== 0) throw new Error('build failed');
  const report = await withBackingStores(backingStoresFromEnv(), (stores) =>
    runRetailBench({
      ...stores,
      settings: {
        requests: Number(process.env['BENCH_RETAIL_REQUESTS'] ?? 5_000),
        connections: Number(process.env['BENCH_CONNECTIONS'] ?? 4),
        calls: Number(process.env['BENCH_RETAIL_CALLS'] ?? 20_000),
      },
      firstPort: Number(process.env['BENCH_RETAIL_PORT'] ?? 3973),
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
