import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * What search and the websites need: whether a car is shown publicly, the private fields that must
 * never be (cost, internal notes), and the change feed that keeps search indexes current.
 */
export const search: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('vehicles')
      .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('cost_cents', 'bigint')
      .addColumn('internal_notes', 'text')
      .execute();
    // Written in the same transaction as the vehicle change it names; search indexes follow it by seq.
    await db.schema
      .createTable('vehicle_changes')
      .addColumn('seq', 'bigint', (c) => c.notNull().unsigned().autoIncrement().primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('vehicle_id', 'char(36)', (c) => c.notNull())
      .addColumn('changed_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
    await db.schema
      .createIndex('vehicle_changes_by_time')
      .on('vehicle_changes')
      .column('changed_at')
      .execute();
  },
};
