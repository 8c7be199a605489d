// `npm run bench:replicas`: builds the inventory and leads services, then runs the replica part of
// the bench alone (bench/src/replicas.ts); `npm run bench` runs it after analytics.
import { runReplicaBench } from './replicas';
import { buildForBench, runAlone } from './run-alone';

runAlone(async () => {
  console.log('Building the inventory and leads services for production…');
  await buildForBench(['inventory', 'leads']);
  // Its MariaDB pair and its Redis are its own: it needs neither SHOWROOM_MYSQL_URL nor SHOWROOM_REDIS_URL.
  return runReplicaBench({ firstPort: 3985 });
});
