import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Provisioning of dealer websites: one request row per dealership (the outbox a website change or a
 * new rooftop writes in its own transaction), claimed by the users service's provisioner with
 * SKIP LOCKED and a lease (ADR 9), and the outcome of each step for the owner to read.
 */
export const websiteProvisioning: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('website_provisioning')
      .addColumn('dealership_id', 'char(36)', (c) =>
        c.primaryKey().references('dealerships.id').onDelete('cascade'),
      )
      /** The website version asked for; a newer request while a run is under way makes it run again. */
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('version_live', 'integer')
      .addColumn('state', sql`enum('pending','running','live','failed')`, (c) => c.notNull())
      /** Failed runs of the requested version in a row (the backoff grows with it). */
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      /** When a worker may take it; null once live. */
      .addColumn('next_attempt_at', 'datetime(3)')
      /** A worker's lease; past it (the worker died), another takes the run over. */
      .addColumn('claimed_until', 'datetime(3)')
      /** The holder of the lease: every write of a run is fenced on it. */
      .addColumn('claim_token', 'char(36)')
      .addColumn('live_at', 'datetime(3)')
      .addColumn('last_error', 'varchar(500)')
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
    await db.schema
      .createIndex('website_provisioning_due')
      .on('website_provisioning')
      .columns(['next_attempt_at'])
      .execute();
    await db.schema
      .createTable('website_provisioning_steps')
      .addColumn('dealership_id', 'char(36)', (c) =>
        c.notNull().references('website_provisioning.dealership_id').onDelete('cascade'),
      )
      .addColumn('step', 'varchar(32)', (c) => c.notNull())
      /** The website version this step last ran for. */
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('status', sql`enum('pending','done','failed')`, (c) => c.notNull())
      /** Tries of this step for `version`. */
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'varchar(500)')
      .addColumn('detail', 'varchar(500)')
      .addColumn('finished_at', 'datetime(3)')
      .addPrimaryKeyConstraint('website_provisioning_steps_pk', ['dealership_id', 'step'])
      .execute();
  },
};
