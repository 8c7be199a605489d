// `npm run bench:merchandising`: builds the inventory service, then runs the merchandising part of
// the bench alone (bench/src/merchandising.ts); `npm run bench` runs it after everything else.
import { join } from 'node:path';
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { runMerchandisingBench } from './merchandising';
import { finish, ROOT, start, stopAll } from './processes';

async function main(): Promise<void> {
  console.log('Building the inventory service for production…');
  const built = await finish(
    start([join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'build', 'inventory'], {
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
    }),
  );
  if (built !== 0) throw new Error('build failed');
  const table = await withBackingStores(backingStoresFromEnv(), (stores) =>
    runMerchandisingBench({ ...stores, port: 3961, usersPort: 3962 }),
  );
  console.log(`\n${table}`);
}

main()
  .catch((error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(stopAll);
