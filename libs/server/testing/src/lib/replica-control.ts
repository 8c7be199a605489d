import { createConnection, type Connection } from 'mysql2/promise';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { TEST_REPLICA_PAIR } from './test-stores';

/**
 * Has the pair's replica apply each change `seconds` after the primary committed it
 * (`MASTER_DELAY`), so a read that reaches it right after a write misses the write every time.
 */
export async function delayReplica(replica: Connection, seconds: number): Promise<void> {
  await replica.query('STOP SLAVE');
  await replica.query('CHANGE MASTER TO MASTER_DELAY = ?', [seconds]);
  await replica.query('START SLAVE');
}

/** Whether the replica holds the row of `table` with this id yet (false while it lacks the table too). */
export async function replicaHolds(replica: Connection, table: string, id: string): Promise<boolean> {
  try {
    const [rows] = (await replica.query('SELECT id FROM ?? WHERE id = ?', [table, id])) as unknown as [
      unknown[],
    ];
    return rows.length === 1;
  } catch (error) {
    // ER_NO_SUCH_TABLE: the replica has not applied the migration that creates it yet.
    if ((error as { errno?: number }).errno === 1146) return false;
    throw error;
  }
}

/** What a replicated test app gains: the proxy its reader goes through, and root on the replica. */
export interface ReplicaHarness {
  /** Between the service's reader and the replica: cut, freeze, restore. */
  proxy: TcpProxy;
  /** Root on the replica itself (read_only does not bind it): to plant what only the replica holds. */
  replica: Connection;
}

/**
 * A test app started by `start` on the pair `npm test` runs, its reader reaching the replica at the
 * host:port given (a proxy the test cuts). Closing it puts the replica's delay back to none.
 */
export async function startBehindReplicaProxy<
  T extends { replicaSchemaUrl?: string; close(): Promise<void> },
>(start: (replicaHostPort: string) => Promise<T>): Promise<T & ReplicaHarness> {
  const proxy = await startTcpProxy('127.0.0.1', Number(new URL(TEST_REPLICA_PAIR.replicaUrl).port));
  const app = await start(`127.0.0.1:${proxy.port}`);
  if (!app.replicaSchemaUrl) throw new Error('the app was not started on the replica pair (replicated)');
  const replica = await createConnection({ uri: app.replicaSchemaUrl });
  const close = app.close;
  return {
    ...app,
    proxy,
    replica,
    async close() {
      await delayReplica(replica, 0);
      await replica.end();
      await close();
      await proxy.close();
    },
  };
}
