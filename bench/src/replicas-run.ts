// `npm run bench:replicas`: builds the inventory and leads services, then runs the replica part of
// the bench alone (bench/src/replicas.ts); `npm run bench` runs it after the lead captures.
import { join } from 'node:path';
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { finish, ROOT, start, stopAll } from './processes';
import { runReplicaBench } from './replicas';

async function main(): Promise<void> {
  console.log('Building the inventory and leads services for production…');
  const built = await finish(
    start(
      [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'inventory', 'leads'],
      {
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
      },
    ),
  );
  if (built !== 0) throw new Error('build failed');
  const table = await withBackingStores(backingStoresFromEnv(), (stores) =>
    runReplicaBench({
      redisUrl: stores.redisUrl,
      leads: 3985,
      inventoryOnPrimary: 3986,
      inventoryOnReplica: 3987,
      users: 3988,
    }),
  );
  console.log(`\n${table}`);
}

main()
  .catch((error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(stopAll);
