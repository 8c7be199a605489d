import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const now = sql`CURRENT_TIMESTAMP(3)`;

export const outboxConsumerRuns: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    // Each consumer's run of each event, written when the event is published and finished when the
    // consumer succeeded: MySQL, not the job in Redis, knows what is left to do. Events published
    // before this migration have no runs and count as done.
    await db.schema
      .createTable('outbox_consumer_runs')
      .addColumn('event_id', 'char(36)', (c) => c.notNull())
      .addColumn('consumer', 'varchar(30)', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('next_sweep_at', 'datetime(3)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'varchar(500)')
      .addColumn('exhausted_at', 'datetime(3)')
      .addColumn('finished_at', 'datetime(3)')
      .addPrimaryKeyConstraint('outbox_consumer_runs_pk', ['event_id', 'consumer'])
      .execute();
    // The sweeper's and the backlog metric's question: unfinished runs, oldest due first.
    await db.schema
      .createIndex('outbox_runs_unfinished')
      .on('outbox_consumer_runs')
      .columns(['finished_at', 'next_sweep_at'])
      .execute();

    // An e-mail is claimed (`sending`, with a lease) before it is sent and marked `sent` after;
    // rows written before this migration were sent.
    await db.schema
      .alterTable('outbox_deliveries')
      .addColumn('state', 'varchar(12)', (c) => c.notNull().defaultTo('sent'))
      .execute();
    await db.schema.alterTable('outbox_deliveries').addColumn('lease_until', 'datetime(3)').execute();

    // Addresses acknowledged on a UTC day (a SHA-256 of the address, never the address): one
    // acknowledgement per address per day, across dealerships.
    await db.schema
      .createTable('acknowledgement_recipients')
      .addColumn('day', 'char(10)', (c) => c.notNull())
      .addColumn('recipient_hash', 'char(64)', (c) => c.notNull())
      .addPrimaryKeyConstraint('acknowledgement_recipients_pk', ['day', 'recipient_hash'])
      .execute();
  },
};
