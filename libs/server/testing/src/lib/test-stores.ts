import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { dropSchema, ensureSchema } from '@showroom/server-mysql';
import { waitUntil } from './wait-until';

/** The MySQL/MariaDB server tests use; each test file gets a schema of its own on it. */
export const TEST_MYSQL_SERVER_URL = process.env['TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';

export interface TestSchema {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty schema (`test_<label>_<random>`), dropped again by `drop()`. */
export async function createTestSchema(label: string): Promise<TestSchema> {
  const name = `test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const url = `${TEST_MYSQL_SERVER_URL.replace(/\/$/, '')}/${name}`;
  await ensureSchema(url);
  return { url, drop: () => dropSchema(url) };
}

/** The MariaDB primary and replica `npm test` starts (tools/dev/src/replica-pair.ts); `npm run replicas` starts them by hand. */
export const TEST_REPLICA_PAIR = {
  primaryUrl: process.env['TEST_MYSQL_PRIMARY_URL'] ?? 'mysql://root@127.0.0.1:3316',
  replicaUrl: process.env['TEST_MYSQL_REPLICA_URL'] ?? 'mysql://root@127.0.0.1:3317',
};

export interface ReplicatedTestSchema extends TestSchema {
  /** The same schema on the replica. */
  replicaUrl: string;
  /** `replicaUrl` reached at `hostPort` instead (a proxy a test cuts), or as it is when not given. */
  replicaUrlAt(hostPort: string | undefined): string;
}

/** A fresh schema on the pair's primary (`url`), as the replica copies it (`replicaUrl`). */
export async function createReplicatedTestSchema(label: string): Promise<ReplicatedTestSchema> {
  const name = `test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const on = (server: string) => `${server.replace(/\/$/, '')}/${name}`;
  const url = on(TEST_REPLICA_PAIR.primaryUrl);
  try {
    await ensureSchema(url);
  } catch (error) {
    throw new Error(
      `No replication primary answers at ${TEST_REPLICA_PAIR.primaryUrl} (${(error as Error).message}). ` +
        '`npm test` starts the pair; for one test file, start it with `npm run replicas` in another terminal.',
    );
  }
  const replicaUrl = on(TEST_REPLICA_PAIR.replicaUrl);
  await replicaHasSchema(TEST_REPLICA_PAIR.replicaUrl, name);
  return {
    url,
    replicaUrl,
    replicaUrlAt(hostPort) {
      const at = new URL(replicaUrl);
      if (hostPort) at.host = hostPort;
      return at.toString();
    },
    drop: () => dropSchema(url),
  };
}

/** Resolves once the replica has applied the schema's creation (a connection to it names the schema). */
async function replicaHasSchema(replicaServerUrl: string, name: string): Promise<void> {
  const replica = await createConnection({ uri: replicaServerUrl });
  try {
    await waitUntil(`the replica at ${replicaServerUrl} has schema ${name}`, async () => {
      const [rows] = (await replica.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [
        name,
      ])) as unknown as [unknown[]];
      return rows.length > 0;
    });
  } finally {
    await replica.end();
  }
}
