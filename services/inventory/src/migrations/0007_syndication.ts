import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Price history and the inventory outbox (a price drop is an event later work consumes), and what
 * syndication keeps: each dealership's feed settings and secret, the latest report per channel, and
 * one row per generation run.
 */
export const syndication: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('vehicle_price_history')
      .addColumn('id', 'bigint', (c) => c.notNull().unsigned().autoIncrement().primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('vehicle_id', 'char(36)', (c) => c.notNull())
      .addColumn('from_cents', 'bigint')
      .addColumn('to_cents', 'bigint')
      .addColumn('currency', 'char(3)', (c) => c.notNull())
      .addColumn('source', sql`enum('portal','import')`, (c) => c.notNull())
      .addColumn('changed_at', 'datetime(3)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('vehicle_price_history_by_vehicle')
      .on('vehicle_price_history')
      .columns(['dealership_id', 'vehicle_id', 'changed_at'])
      .execute();

    // The outbox: written in the transaction of the change it reports, relayed by id.
    await db.schema
      .createTable('inventory_events')
      .addColumn('id', 'bigint', (c) => c.notNull().unsigned().autoIncrement().primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('type', 'varchar(60)', (c) => c.notNull())
      .addColumn('payload', 'json', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
    await db.schema
      .createIndex('inventory_events_by_dealership')
      .on('inventory_events')
      .columns(['dealership_id', 'type', 'created_at'])
      .execute();

    await db.schema
      .createTable('syndication_settings')
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull().primaryKey())
      .addColumn('settings', 'json', (c) => c.notNull())
      .addColumn('feed_secret', 'varchar(64)', (c) => c.notNull())
      // Set when a vehicle of the dealership changed and its feeds are not yet regenerated.
      .addColumn('dirty_since', 'datetime(3)')
      .addColumn('last_full_run_at', 'datetime(3)')
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();

    // The latest generation per channel: what the channel page and its report show.
    await db.schema
      .createTable('syndication_channel_state')
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('channel', 'varchar(20)', (c) => c.notNull())
      .addColumn('files', 'json', (c) => c.notNull())
      .addColumn('included', 'integer', (c) => c.notNull().unsigned())
      .addColumn('excluded', 'json', (c) => c.notNull())
      .addColumn('generated_at', 'datetime(3)', (c) => c.notNull())
      .addPrimaryKeyConstraint('syndication_channel_state_pk', ['dealership_id', 'channel'])
      .execute();

    await db.schema
      .createTable('syndication_runs')
      .addColumn('id', 'bigint', (c) => c.notNull().unsigned().autoIncrement().primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('channel', 'varchar(20)', (c) => c.notNull())
      .addColumn('trigger_kind', sql`enum('change','schedule','manual','settings')`, (c) => c.notNull())
      .addColumn('included', 'integer', (c) => c.notNull().unsigned())
      .addColumn('excluded', 'integer', (c) => c.notNull().unsigned())
      .addColumn('bytes', 'integer', (c) => c.notNull().unsigned())
      .addColumn('duration_ms', 'integer', (c) => c.notNull().unsigned())
      .addColumn('finished_at', 'datetime(3)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('syndication_runs_by_channel')
      .on('syndication_runs')
      .columns(['dealership_id', 'channel', 'finished_at'])
      .execute();
  },
};
