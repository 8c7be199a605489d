// A MariaDB primary and a replica of it on this machine, for the read-replica tests and the mixed
// bench: two private servers (private-mysql.ts) with data folders of their own, the primary writing
// a row-based binary log, the replica read-only and following it by GTID. Nothing to install beyond
// the MariaDB server the machine already has; the first start sets both up, later ones reuse them.
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { startPrivateMysql, type PrivateMysql } from './private-mysql';
import { defaultSearchDirs, findMysqlServer } from './server-binaries';
import { storeAddress } from './store-address';
import { WORKSPACE_ROOT } from './processes';

/** Where the pair listens unless told otherwise: beside the machine's MySQL, clear of its port. */
export const REPLICA_PAIR_URLS = {
  primaryUrl: 'mysql://root@127.0.0.1:3316',
  replicaUrl: 'mysql://root@127.0.0.1:3317',
} as const;

export interface ReplicaPairOptions {
  primaryUrl?: string;
  replicaUrl?: string;
  /** The folder the two servers' folders go in (default: the workspace's tmp/). */
  dataRoot?: string;
  startTimeoutMs?: number;
}

export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  primary: PrivateMysql;
  replica: PrivateMysql;
  /** Stops the replica, then the primary. */
  stop(): Promise<void>;
}

/** How long the pair may take to show that the replica applies what the primary writes. */
const REPLICATING_WITHIN_SECONDS = 30;

export async function startReplicaPair(options: ReplicaPairOptions = {}): Promise<ReplicaPair> {
  const primaryUrl = options.primaryUrl ?? REPLICA_PAIR_URLS.primaryUrl;
  const replicaUrl = options.replicaUrl ?? REPLICA_PAIR_URLS.replicaUrl;
  const binaries = findMysqlServer(defaultSearchDirs());
  if (binaries?.flavor !== 'MariaDB')
    throw new Error(
      'The replica pair needs a MariaDB server (mariadbd) on this machine: apt-get install mariadb-server.',
    );
  const dataRoot = options.dataRoot ?? join(WORKSPACE_ROOT, 'tmp');
  const folder = (role: string, url: string) => join(dataRoot, `mysql-${role}-${storeAddress(url).port}`);
  const common = { binaries, startTimeoutMs: options.startTimeoutMs };
  const primary = await startPrivateMysql({
    ...common,
    url: primaryUrl,
    dir: folder('primary', primaryUrl),
    serverId: 1,
    logBin: true,
    binlogFormat: 'ROW',
  });
  let replica: PrivateMysql | undefined;
  try {
    replica = await startPrivateMysql({
      ...common,
      url: replicaUrl,
      dir: folder('replica', replicaUrl),
      serverId: 2,
      readOnly: true,
    });
    await followPrimary(replicaUrl, primaryUrl);
    await waitUntilReplicating(primaryUrl, replicaUrl);
  } catch (error) {
    await replica?.stop();
    await primary.stop();
    throw error;
  }
  const started = replica;
  return {
    primaryUrl,
    replicaUrl,
    primary,
    replica: started,
    async stop() {
      await started.stop();
      await primary.stop();
    },
  };
}

/**
 * Points the replica at the primary by GTID, unless it already follows it with both threads
 * running (a data folder kept from an earlier run remembers where it was).
 */
async function followPrimary(replicaUrl: string, primaryUrl: string): Promise<void> {
  const primary = new URL(primaryUrl);
  const connection = await createConnection({ uri: replicaUrl });
  try {
    const [rows] = (await connection.query('SHOW SLAVE STATUS')) as unknown as [
      Array<Record<string, unknown>>,
    ];
    const status = rows[0];
    if (
      status &&
      status['Master_Port'] === Number(primary.port) &&
      status['Slave_IO_Running'] === 'Yes' &&
      status['Slave_SQL_Running'] === 'Yes'
    )
      return;
    await connection.query('STOP SLAVE');
    await connection.query(
      'CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1',
      [
        primary.hostname,
        Number(primary.port),
        decodeURIComponent(primary.username) || 'root',
        decodeURIComponent(primary.password),
      ],
    );
    await connection.query('START SLAVE');
  } finally {
    await connection.end();
  }
}

/** Waits until the replica has applied everything the primary has written so far. */
async function waitUntilReplicating(primaryUrl: string, replicaUrl: string): Promise<void> {
  const primary = await createConnection({ uri: primaryUrl });
  const replica = await createConnection({ uri: replicaUrl });
  try {
    const [[{ position }]] = (await primary.query(
      'SELECT @@GLOBAL.gtid_binlog_pos AS position',
    )) as unknown as [[{ position: string }]];
    const [[{ reached }]] = (await replica.query('SELECT MASTER_GTID_WAIT(?, ?) AS reached', [
      position,
      REPLICATING_WITHIN_SECONDS,
    ])) as unknown as [[{ reached: number }]];
    if (reached !== 0) {
      const [status] = (await replica.query('SHOW SLAVE STATUS')) as unknown as [
        Array<Record<string, unknown>>,
      ];
      throw new Error(
        `The replica at ${replicaUrl} did not catch up with ${primaryUrl} within ${REPLICATING_WITHIN_SECONDS} s: ` +
          `IO ${String(status[0]?.['Slave_IO_Running'])}, SQL ${String(status[0]?.['Slave_SQL_Running'])}, ` +
          `last error: ${String(status[0]?.['Last_Error'] || status[0]?.['Last_IO_Error'] || 'none')}`,
      );
    }
  } finally {
    await primary.end();
    await replica.end();
  }
}
