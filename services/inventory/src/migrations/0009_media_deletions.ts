import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Objects of the media bucket still to delete (a removed photo's variants, a deleted vehicle's
 * photos): written in the transaction that removes their rows, so a crash or an S3 failure after the
 * commit is retried by a sweeper instead of leaving the objects served. And when a dealership's feeds
 * may be tried again after a failed generation, so failing dealerships stop being picked first.
 */
export const mediaDeletions: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('media_deletions')
      .addColumn('id', 'char(36)', (c) => c.notNull())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      // Every object whose key starts with this is deleted.
      .addColumn('prefix', 'varchar(255)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('due_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addPrimaryKeyConstraint('media_deletions_pk', ['dealership_id', 'id'])
      .execute();
    await db.schema.createIndex('media_deletions_due').on('media_deletions').column('due_at').execute();
    await db.schema
      .alterTable('syndication_settings')
      .addColumn('failures', 'integer', (c) => c.notNull().unsigned().defaultTo(0))
      .addColumn('retry_at', 'datetime(3)')
      .execute();
  },
};
