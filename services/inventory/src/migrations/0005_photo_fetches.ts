import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The photo robot's durable work: a job per list of image links (pasted by a dealer or named by a
 * feed), an item per link. Workers claim due items with SELECT … FOR UPDATE SKIP LOCKED, so two
 * instances never fetch the same link, and an item left `fetching` by a crashed worker is due again
 * once its lease (`due_at`) has passed.
 */
export const photoFetches: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('photo_fetch_jobs')
      .addColumn('id', 'char(36)', (c) => c.notNull())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('vehicle_id', 'char(36)', (c) => c.notNull())
      .addColumn('origin_kind', sql`enum('dealer','feed')`, (c) => c.notNull())
      // The dealer's user id, or the feed import's id.
      .addColumn('origin_ref', 'varchar(128)', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addPrimaryKeyConstraint('photo_fetch_jobs_pk', ['dealership_id', 'id'])
      .execute();
    await db.schema
      .createIndex('photo_fetch_jobs_by_vehicle')
      .on('photo_fetch_jobs')
      .columns(['dealership_id', 'vehicle_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('photo_fetch_items')
      .addColumn('id', 'bigint', (c) => c.notNull().unsigned().autoIncrement().primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('job_id', 'char(36)', (c) => c.notNull())
      .addColumn('vehicle_id', 'char(36)', (c) => c.notNull())
      .addColumn('position', 'smallint', (c) => c.notNull().unsigned())
      .addColumn('url', 'varchar(2048)', (c) => c.notNull())
      .addColumn('status', sql`enum('queued','fetching','added','duplicate','failed','refused')`, (c) =>
        c.notNull().defaultTo('queued'),
      )
      .addColumn('reason', 'varchar(500)')
      .addColumn('photo_id', 'char(36)')
      .addColumn('attempts', sql`tinyint`, (c) => c.notNull().unsigned().defaultTo(0))
      // queued: when it may be tried (now, or after a retry's backoff); fetching: when its lease ends.
      .addColumn('due_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addUniqueConstraint('photo_fetch_items_position', ['dealership_id', 'job_id', 'position'])
      .execute();
    // The workers' claim: due items of both pending statuses, oldest first.
    await db.schema
      .createIndex('photo_fetch_items_due')
      .on('photo_fetch_items')
      .columns(['status', 'due_at'])
      .execute();
  },
};
