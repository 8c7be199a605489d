// `npm run replicas`: the MariaDB primary and replica of the read-replica tests and the mixed bench,
// until Ctrl-C. `npm test` and the bench start the pair by themselves; this is for running one test
// file, or for looking at the pair with a client.
import { startReplicaPair } from './replica-pair';

async function main(): Promise<void> {
  const pair = await startReplicaPair();
  console.log(
    `Primary ${pair.primaryUrl}, replica ${pair.replicaUrl} (following it by GTID). Ctrl-C stops both.`,
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => void pair.stop().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
