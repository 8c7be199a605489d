// `npm run bench:storefront`: builds the inventory service and the storefront for production, then
// runs the dealer websites' part of the bench alone (bench/src/storefront.ts); `npm run bench` runs
// it after everything else. Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (10),
// BENCH_STOREFRONT_VEHICLES (2000).
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { runStorefrontBench } from './storefront';
import { buildForBench, runAlone } from './run-alone';

runAlone(async () => {
  console.log('Building the inventory service and the storefront for production…');
  await buildForBench(['inventory', 'storefront']);
  return withBackingStores(backingStoresFromEnv(), (stores) =>
    runStorefrontBench({
      ...stores,
      settings: {
        seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
        connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
      },
      firstPort: 3963,
    }),
  );
});
