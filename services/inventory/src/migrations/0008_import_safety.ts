import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Feed import and robot fixes: `feed_imports.read_faults` counts the lines an import could not read
 * reliably (committed with each batch, so a resumed import still knows: a full feed with any does
 * not remove missing cars); `feed_import_settings.feed_failures` (a feed failing for a passing reason
 * is retried sooner, backing off); indexes for the lookups by id alone that the robot's claim and prune
 * make and for pruning finished imports, which otherwise scanned whole tables.
 */
export const importSafety: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('feed_imports')
      .addColumn('read_faults', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('feed_import_settings')
      .addColumn('feed_failures', 'smallint', (c) => c.notNull().unsigned().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('feed_imports_finished')
      .on('feed_imports')
      .columns(['status', 'finished_at'])
      .execute();
    await db.schema.createIndex('photo_fetch_jobs_by_id').on('photo_fetch_jobs').columns(['id']).execute();
    await db.schema
      .createIndex('photo_fetch_items_by_job')
      .on('photo_fetch_items')
      .columns(['job_id', 'status'])
      .execute();
  },
};
