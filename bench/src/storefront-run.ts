// `npm run bench:storefront`: builds the inventory service and the storefront for production, then
// runs the dealer websites' part of the bench alone (bench/src/storefront.ts); `npm run bench` runs
// it after everything else. Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (10),
// BENCH_STOREFRONT_VEHICLES (2000).
import { join } from 'node:path';
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { runStorefrontBench } from './storefront';
import { finish, ROOT, start, stopAll } from './processes';

async function main(): Promise<void> {
  console.log('Building the inventory service and the storefront for production…');
  const built = await finish(
    start(
      [
        join(ROOT, 'node_modules/nx/dist/bin/nx.js'),
        'run-many',
        '-t',
        'build',
        '-p',
        'inventory',
        'storefront',
      ],
      {
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
      },
    ),
  );
  if (built !== 0) throw new Error('build failed');
  const report = await withBackingStores(backingStoresFromEnv(), (stores) =>
    runStorefrontBench({
      ...stores,
      settings: {
        seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
        connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
      },
      firstPort: 3963,
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
