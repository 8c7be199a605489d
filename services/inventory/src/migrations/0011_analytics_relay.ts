import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The inventory outbox now also carries vehicle_listed / vehicle_price_changed / vehicle_sold /
 * vehicle_removed for analytics. The relay marks a row when analytics has it: a column, not a
 * cursor, because ids are taken at insert and committed in another order, and a cursor would skip
 * a row whose transaction committed late. The index finds the unshipped rows of the analytics types
 * in id order; rows of other types (price_dropped) stay NULL and are never read by the relay.
 */
export const analyticsRelay: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema.alterTable('inventory_events').addColumn('analytics_shipped_at', 'datetime(3)').execute();
    await db.schema
      .createIndex('inventory_events_unshipped')
      .on('inventory_events')
      .columns(['analytics_shipped_at', 'type', 'id'])
      .execute();
  },
};
