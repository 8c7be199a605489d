// `npm run bench:capture`: builds the leads service, then runs the lead capture part of the bench
// alone (bench/src/capture.ts); `npm run bench` runs it after the search scenarios.
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { runCaptureBench } from './capture';
import { buildForBench, runAlone } from './run-alone';

runAlone(async () => {
  console.log('Building the leads service for production…');
  await buildForBench(['leads']);
  return withBackingStores(backingStoresFromEnv(), (stores) =>
    runCaptureBench({
      mysqlUrl: stores.mysqlUrl,
      redisUrl: stores.redisUrl,
      settings: {
        seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
        connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
      },
      firstPort: 3981,
    }),
  );
});
