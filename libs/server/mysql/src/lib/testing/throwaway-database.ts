import { randomBytes } from 'node:crypto';
import type { RawBuilder } from 'kysely';
import { createDatabase, dropSchema, ensureSchema, type Database } from '../database';

/** A schema of one test file's own on the test server, its tables made, and how to drop it. */
export interface ThrowawayDatabase<Db> {
  url: string;
  database: Database<Db>;
  /** Closes the pool and drops the schema. */
  drop(): Promise<void>;
}

const serverUrl = (process.env['TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');

/** `test_<purpose>_<random>` on TEST_MYSQL_URL's server, with `tables` created in order. */
export async function openThrowawayDatabase<Db>(
  purpose: string,
  tables: ReadonlyArray<RawBuilder<unknown>>,
): Promise<ThrowawayDatabase<Db>> {
  const url = `${serverUrl}/test_${purpose}_${randomBytes(4).toString('hex')}`;
  await ensureSchema(url);
  const database = createDatabase<Db>({ writerUrl: url, readerUrls: [], connectionLimit: 4 });
  for (const table of tables) await table.execute(database.writer);
  return {
    url,
    database,
    async drop() {
      await database.close();
      await dropSchema(url);
    },
  };
}
