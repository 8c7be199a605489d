import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Feed imports: a dealership's mapping, rules and feed URL; the import jobs (durable: a worker
 * claims one, commits each batch of rows with the job's cursor, and a stale heartbeat lets another
 * worker resume it); the per-row report; the VINs a job has seen (for a full feed's missing
 * vehicles); and the photo list each vehicle last got from a feed (so only new lists go to the robot).
 */
export const feedImports: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('feed_import_settings')
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull().primaryKey())
      .addColumn('preset_id', 'varchar(40)')
      .addColumn('mapping', 'text')
      .addColumn('rules', 'text')
      .addColumn('feed_url', 'varchar(2000)')
      .addColumn('feed_interval_hours', 'smallint', (c) => c.notNull().defaultTo(24))
      .addColumn('feed_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('feed_next_at', 'datetime(3)')
      .addColumn('feed_last_fetched_at', 'datetime(3)')
      .addColumn('feed_last_error', 'varchar(500)')
      .addColumn('feed_last_import_id', 'char(36)')
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
    await db.schema
      .createIndex('feed_import_settings_due')
      .on('feed_import_settings')
      .columns(['feed_enabled', 'feed_next_at'])
      .execute();

    await db.schema
      .createTable('feed_imports')
      .addColumn('id', 'char(36)', (c) => c.notNull().primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('source', sql`enum('upload','feed_url')`, (c) => c.notNull())
      .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
      .addColumn('object_key', 'varchar(255)', (c) => c.notNull())
      .addColumn('status', sql`enum('uploaded','queued','running','succeeded','failed')`, (c) => c.notNull())
      .addColumn('mapping', 'text')
      .addColumn('rules', 'text')
      .addColumn('rows_total', 'integer', (c) => c.notNull().unsigned())
      .addColumn('rows_done', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      // The file line of the last row committed: a resumed job skips the lines up to it.
      .addColumn('cursor_line', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('rows_finished', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_count', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('updated_count', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('unchanged_count', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('skipped_count', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('missing_count', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('issue_count', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('attempts', 'smallint', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('not_before', 'datetime(3)')
      .addColumn('heartbeat_at', 'datetime(3)')
      .addColumn('error', 'varchar(500)')
      .addColumn('created_by', 'varchar(200)')
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addColumn('started_at', 'datetime(3)')
      .addColumn('finished_at', 'datetime(3)')
      .execute();
    await db.schema
      .createIndex('feed_imports_by_dealership')
      .on('feed_imports')
      .columns(['dealership_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('feed_imports_claim')
      .on('feed_imports')
      .columns(['status', 'created_at'])
      .execute();

    await db.schema
      .createTable('feed_import_issues')
      .addColumn('id', 'bigint', (c) => c.notNull().unsigned().autoIncrement().primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('import_id', 'char(36)', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull().unsigned())
      .addColumn('field', 'varchar(40)')
      .addColumn('reason', 'varchar(500)', (c) => c.notNull())
      .addColumn('severity', sql`enum('error','warning')`, (c) => c.notNull())
      .addColumn('vin', 'varchar(40)')
      .execute();
    await db.schema
      .createIndex('feed_import_issues_by_import')
      .on('feed_import_issues')
      .columns(['dealership_id', 'import_id', 'line'])
      .execute();

    await db.schema
      .createTable('feed_import_vins')
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('import_id', 'char(36)', (c) => c.notNull())
      .addColumn('vin', 'char(17)', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull().unsigned())
      .addPrimaryKeyConstraint('feed_import_vins_pk', ['import_id', 'vin'])
      .execute();

    await db.schema
      .createTable('feed_photo_lists')
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('vehicle_id', 'char(36)', (c) => c.notNull())
      .addColumn('urls_hash', 'char(64)', (c) => c.notNull())
      .addColumn('urls', 'text', (c) => c.notNull())
      // Set in the batch that recorded a new list, cleared once the robot has it: a crash in between re-sends.
      .addColumn('pending_import_id', 'char(36)')
      .addPrimaryKeyConstraint('feed_photo_lists_pk', ['dealership_id', 'vehicle_id'])
      .execute();
    await db.schema
      .createIndex('feed_photo_lists_pending')
      .on('feed_photo_lists')
      .columns(['dealership_id', 'pending_import_id'])
      .execute();
  },
};
