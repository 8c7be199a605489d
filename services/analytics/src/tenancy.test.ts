import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { compareTenantTables, createDatabase, migrateToLatest } from '@showroom/server-mysql';
import { createTestSchema } from '@showroom/server-testing';
import { ANALYTICS_TENANT_TABLES } from './database';
import { analyticsMigrations } from './migrations';

it('lints every table with a dealership_id as a tenant table', async () => {
  const config = join(import.meta.dirname, '../eslint.config.mjs');
  const tables = await compareTenantTables(
    await createTestSchema('analytics_tenancy'),
    analyticsMigrations,
    config,
  );
  expect(tables.declared).toEqual(tables.inSchema);
});

it('has no table that belongs to no dealership: every analytics row is a dealership’s', async () => {
  const schema = await createTestSchema('analytics_tables');
  const database = createDatabase<unknown>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 1 });
  try {
    await migrateToLatest(database.writer, analyticsMigrations);
    const { rows } = await sql<{ name: string; tenant: number }>`
      SELECT t.TABLE_NAME AS name,
             EXISTS (SELECT 1 FROM information_schema.COLUMNS c
                      WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
                        AND c.COLUMN_NAME = 'dealership_id') AS tenant
        FROM information_schema.TABLES t
       WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME NOT LIKE 'schema_migrations%'
       ORDER BY t.TABLE_NAME`.execute(database.writer);
    expect(rows.filter((row) => !Number(row.tenant)).map((row) => row.name)).toEqual([]);
    expect(rows.map((row) => row.name).sort()).toEqual([...ANALYTICS_TENANT_TABLES].sort());
  } finally {
    await database.close();
    await schema.drop();
  }
});
