// `npm run bench:merchandising`: builds the inventory service, then runs the merchandising part of
// the bench alone (bench/src/merchandising.ts); `npm run bench` runs it after everything else.
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { runMerchandisingBench } from './merchandising';
import { buildForBench, runAlone } from './run-alone';

runAlone(async () => {
  console.log('Building the inventory service for production…');
  await buildForBench(['inventory']);
  return withBackingStores(backingStoresFromEnv(), (stores) =>
    runMerchandisingBench({ ...stores, port: 3961, usersPort: 3962 }),
  );
});
