import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The analytics schema: a dealership's settings (first-response target, consent rule, sample rate)
 * and what it paid each lead source per month. Events are not here: they live in the engine.
 */
export const analytics: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('analytics_settings')
      .addColumn('dealership_id', 'char(36)', (c) => c.primaryKey())
      .addColumn('first_response_target_minutes', 'integer', (c) => c.notNull())
      .addColumn('consent', 'varchar(16)', (c) => c.notNull())
      // As entered: the tracker samples with it and events weigh 1 / it (a DECIMAL would round it).
      .addColumn('sample_rate', 'double precision', (c) => c.notNull())
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();

    await db.schema
      .createTable('source_costs')
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('month', 'char(7)', (c) => c.notNull())
      // Binary: sources are compared exactly, as the engine compares an event's source, so
      // "Autotrader" and "autotrader" are two rows rather than a duplicate key.
      .addColumn('source', sql`varchar(80) collate utf8mb4_bin`, (c) => c.notNull())
      .addColumn('cost_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('source_costs_pk', ['dealership_id', 'month', 'source'])
      .execute();
  },
};
