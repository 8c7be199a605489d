import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';

import { createDatabase, ensureSchema } from './database';

export type { Migration };

/**
 * Migrations are bundled into the service (no folder to read at run time): each service passes its
 * ordered record of forward-only migrations, named `NNNN_what`.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrations: Record<string, Migration>,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Makes a schema ready for a service on one machine (dev, CI, `npm start`): creates it if missing,
 * migrates it, then runs `seed` (which must be idempotent).
 */
export async function prepareSchema<DB>(
  url: string,
  migrations: Record<string, Migration>,
  seed?: (db: Kysely<DB>) => Promise<unknown>,
): Promise<void> {
  await ensureSchema(url);
  const database = createDatabase<DB>({ writerUrl: url, readerUrls: [], connectionLimit: 2 });
  try {
    await migrateToLatest(database.writer, migrations);
    await seed?.(database.writer);
  } finally {
    await database.close();
  }
}
