import { z } from 'zod';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool, type Pool, type PoolOptions } from 'mysql2';
import { ReadRoutingPool } from './read-routing';
import { DEFAULT_REPLICA_HEALTH, ReplicaRotation, type ReplicaHealthSettings } from './replica-rotation';

export interface DatabaseSettings {
  /** mysql://user:pass@host:port/database of the primary (all writes, and reads that must see them). */
  writerUrl: string;
  /** Replicas for reads that may lag; empty means reads go to the writer. */
  readerUrls: string[];
  connectionLimit: number;
  /** When a replica is taken out of rotation (default: checked every 500 ms, at most 1 s behind). */
  replicaHealth?: ReplicaHealthSettings;
}

/**
 * A writer and a reader over mysql2 pools. `reader` reads from a replica in rotation, or from the
 * primary when none is, or inside `readingFromPrimary()` (the caller wrote recently: ReadYourWrites).
 */
export interface Database<DB> {
  writer: Kysely<DB>;
  reader: Kysely<DB>;
  /** Which replicas take reads; empty when the service has none. */
  replicas: ReplicaRotation;
  ping(): Promise<void>;
  close(): Promise<void>;
}

function poolOptions(url: string, connectionLimit: number): PoolOptions {
  return {
    uri: url,
    connectionLimit,
    // Fail fast when the server is away, so callers answer 503 instead of hanging.
    connectTimeout: 2000,
    waitForConnections: true,
    queueLimit: 500,
    enableKeepAlive: true,
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
    bigNumberStrings: false,
    charset: 'utf8mb4',
  };
}

/**
 * A pool of the primary whose connections accept several statements in one packet (the
 * `multipleStatements` of mysql2), for a hot path that sends its transaction in as few round trips
 * as it can (StatementBatch). Only compiled, parameterised statements go through it.
 */
export function createStatementBatchPool(url: string, connectionLimit: number): Pool {
  return createPool({ ...poolOptions(url, connectionLimit), multipleStatements: true });
}

function kyselyOver<DB>(pool: Pool | ReadRoutingPool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new MysqlDialect({ pool: async () => pool as Pool }) });
}

export function createDatabase<DB>(settings: DatabaseSettings): Database<DB> {
  const writerPool = createPool(poolOptions(settings.writerUrl, settings.connectionLimit));
  const replicas = settings.readerUrls.map((url) => ({
    url,
    pool: createPool(poolOptions(url, settings.connectionLimit)),
  }));
  const rotation = new ReplicaRotation(writerPool, replicas, settings.replicaHealth);
  rotation.start();
  const writer = kyselyOver<DB>(writerPool);
  const reader = replicas.length === 0 ? writer : kyselyOver<DB>(new ReadRoutingPool(writerPool, rotation));
  return {
    writer,
    reader,
    replicas: rotation,
    async ping() {
      await writerPool.promise().query('SELECT 1');
    },
    async close() {
      rotation.stop();
      await writer.destroy();
      if (reader !== writer) await reader.destroy();
      await Promise.all(replicas.map(({ pool }) => pool.promise().end()));
    },
  };
}

/** createDatabase's settings from a service's configuration (the variables of databaseConfigShape). */
export function databaseSettingsOf<P extends string>(
  config: { [K in `${P}_DATABASE_URL`]: string } & { [K in `${P}_DATABASE_READER_URLS`]: string[] } & {
    DATABASE_POOL_SIZE: number;
    DATABASE_REPLICA_MAX_LAG_MS: number;
  },
  prefix: P,
): DatabaseSettings {
  const named = config as unknown as Record<string, unknown>;
  return {
    writerUrl: named[`${prefix}_DATABASE_URL`] as string,
    readerUrls: named[`${prefix}_DATABASE_READER_URLS`] as string[],
    connectionLimit: config.DATABASE_POOL_SIZE,
    replicaHealth: { ...DEFAULT_REPLICA_HEALTH, maxLagMs: config.DATABASE_REPLICA_MAX_LAG_MS },
  };
}

/** Creates the service's schema if it is missing (dev, CI and `npm start`; production uses Terraform). */
export async function ensureSchema(url: string): Promise<void> {
  const parsed = new URL(url);
  const schema = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(schema)) throw new Error(`Unsafe database name in URL: ${schema}`);
  parsed.pathname = '/';
  const pool = createPool({ uri: parsed.toString(), connectionLimit: 1, connectTimeout: 3000 });
  try {
    await pool
      .promise()
      .query(`CREATE DATABASE IF NOT EXISTS \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await pool.promise().end();
  }
}

export async function dropSchema(url: string): Promise<void> {
  const parsed = new URL(url);
  const schema = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(schema)) throw new Error(`Unsafe database name in URL: ${schema}`);
  parsed.pathname = '/';
  const pool = createPool({ uri: parsed.toString(), connectionLimit: 1 });
  try {
    await pool.promise().query(`DROP DATABASE IF EXISTS \`${schema}\``);
  } finally {
    await pool.promise().end();
  }
}

/** Config variables of a service's database: `<PREFIX>_DATABASE_URL`, `<PREFIX>_DATABASE_READER_URLS`, pool size. */
export function databaseConfigShape<P extends string>(prefix: P, defaultSchema: string) {
  return {
    [`${prefix}_DATABASE_URL`]: z.url().default(`mysql://root@127.0.0.1:3306/${defaultSchema}`),
    [`${prefix}_DATABASE_READER_URLS`]: z
      .string()
      .default('')
      .transform((raw) =>
        raw
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      ),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** A replica further behind than this takes no reads (ReplicaRotation). */
    DATABASE_REPLICA_MAX_LAG_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(DEFAULT_REPLICA_HEALTH.maxLagMs),
  } as {
    [K in `${P}_DATABASE_URL`]: z.ZodDefault<z.ZodURL>;
  } & {
    [K in `${P}_DATABASE_READER_URLS`]: z.ZodPipe<
      z.ZodDefault<z.ZodString>,
      z.ZodTransform<string[], string>
    >;
  } & {
    DATABASE_POOL_SIZE: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    DATABASE_REPLICA_MAX_LAG_MS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
  };
}

/**
 * The readiness check of a service that reads replicas: down (not critical) while any replica is out
 * of rotation, when reads go to the primary, slower but still right.
 */
export function replicaReadiness(database: Pick<Database<unknown>, 'replicas'>) {
  return {
    name: 'mysql-replicas',
    critical: false,
    check: async () => database.replicas.expectAllInRotation(),
  };
}
