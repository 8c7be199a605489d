import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The outbox alarms' counts (ConsumerRuns.health, every 15 s on each instance) read only the rows
 * they count: runs unfinished since before a cutoff, by age, and unfinished runs that used up their
 * attempts. Through `outbox_runs_unfinished` alone both scanned every unfinished run, which after a
 * consumer outage is the whole backlog (some 340,000 rows in the replica bench).
 */
export const outboxHealthIndexes: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('outbox_runs_unfinished_by_age')
      .on('outbox_consumer_runs')
      .columns(['finished_at', 'created_at'])
      .execute();
    await db.schema
      .createIndex('outbox_runs_exhausted')
      .on('outbox_consumer_runs')
      .columns(['finished_at', 'exhausted_at'])
      .execute();
  },
};
