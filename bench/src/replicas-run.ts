// `npm run bench:replicas`: builds the inventory and leads services, then runs the replica part of
// the bench alone (bench/src/replicas.ts); `npm run bench` runs it after analytics.
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { runReplicaBench } from './replicas';
import { buildForBench, runAlone } from './run-alone';

runAlone(async () => {
  console.log('Building the inventory and leads services for production…');
  await buildForBench(['inventory', 'leads']);
  return withBackingStores(backingStoresFromEnv(), (stores) =>
    runReplicaBench({ redisUrl: stores.redisUrl, firstPort: 3985 }),
  );
});
