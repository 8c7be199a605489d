import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const now = sql`CURRENT_TIMESTAMP(3)`;

export const leads: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    // One row per dealership that takes leads: its website origins, templates, ingest key and the
    // round-robin cursor. Capture locks this row, which serialises duplicate checks per dealership.
    await db.schema
      .createTable('lead_settings')
      .addColumn('dealership_id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_name', 'varchar(120)', (c) => c.notNull())
      .addColumn('site_origins', 'text', (c) => c.notNull())
      .addColumn('ack_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('ack_subject', 'varchar(200)', (c) => c.notNull())
      .addColumn('ack_body', 'text', (c) => c.notNull())
      .addColumn('crm_forward_email', 'varchar(254)')
      .addColumn('from_name', 'varchar(120)', (c) => c.notNull())
      .addColumn('reply_to', 'varchar(254)')
      .addColumn('ingest_key_hash', 'char(64)', (c) => c.unique())
      .addColumn('ingest_key_hint', 'varchar(8)')
      .addColumn('ingest_key_rotated_at', 'datetime(3)')
      .addColumn('last_assigned_user_id', 'varchar(128)')
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();

    await db.schema
      .createTable('leads')
      .addColumn('id', 'char(36)', (c) => c.notNull())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('lost_reason', 'varchar(30)')
      .addColumn('channel', 'varchar(10)', (c) => c.notNull())
      .addColumn('source', 'varchar(80)', (c) => c.notNull())
      .addColumn('intent', 'varchar(30)')
      .addColumn('first_name', 'varchar(80)', (c) => c.notNull())
      .addColumn('last_name', 'varchar(80)')
      .addColumn('email', 'varchar(254)')
      .addColumn('phone', 'varchar(40)')
      .addColumn('email_norm', 'varchar(254)')
      .addColumn('phone_norm', 'varchar(15)')
      .addColumn('preferred_contact', 'varchar(10)')
      .addColumn('message', 'text')
      .addColumn('trade_in', 'text')
      .addColumn('vehicle_id', 'char(36)')
      .addColumn('vehicle_vin', 'varchar(17)')
      .addColumn('vehicle_stock', 'varchar(20)')
      .addColumn('vehicle_year', 'smallint')
      .addColumn('vehicle_make', 'varchar(40)')
      .addColumn('vehicle_model', 'varchar(60)')
      .addColumn('vehicle_trim', 'varchar(60)')
      .addColumn('vehicle_condition', 'varchar(20)')
      .addColumn('vehicle_price_cents', 'bigint')
      .addColumn('assignee_id', 'varchar(128)')
      .addColumn('assignee_name', 'varchar(120)')
      .addColumn('routed_at', 'datetime(3)')
      .addColumn('submission_count', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('next_task_due_at', 'datetime(3)')
      .addColumn('first_response_at', 'datetime(3)')
      .addColumn('last_activity_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addPrimaryKeyConstraint('leads_pk', ['dealership_id', 'id'])
      .execute();
    for (const [name, columns] of [
      ['leads_by_arrival', ['dealership_id', 'created_at']],
      ['leads_by_status', ['dealership_id', 'status', 'created_at']],
      ['leads_by_assignee', ['dealership_id', 'assignee_id', 'status']],
      ['leads_by_email', ['dealership_id', 'email_norm']],
      ['leads_by_phone', ['dealership_id', 'phone_norm']],
      ['leads_by_follow_up', ['dealership_id', 'next_task_due_at']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .on('leads')
        .columns([...columns])
        .execute();
    }

    // Every way a lead arrived: the first submission and each duplicate attached later, with the
    // original ADF document or e-mail. The unique key makes an ADF id from one source count once.
    await db.schema
      .createTable('lead_submissions')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('lead_id', 'char(36)', (c) => c.notNull())
      .addColumn('channel', 'varchar(10)', (c) => c.notNull())
      .addColumn('source', 'varchar(80)', (c) => c.notNull())
      .addColumn('intent', 'varchar(30)')
      .addColumn('message', 'text')
      .addColumn('original_document', sql`mediumtext`)
      .addColumn('external_source', 'varchar(80)')
      .addColumn('external_id', 'varchar(120)')
      .addColumn('received_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addUniqueConstraint('submissions_external_id', ['dealership_id', 'external_source', 'external_id'])
      .execute();
    await db.schema
      .createIndex('submissions_by_lead')
      .on('lead_submissions')
      .columns(['dealership_id', 'lead_id', 'received_at'])
      .execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('idempotency_key', 'varchar(200)', (c) => c.notNull())
      .addColumn('request_hash', 'char(64)', (c) => c.notNull())
      .addColumn('response_status', 'smallint', (c) => c.notNull())
      .addColumn('response_body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['dealership_id', 'idempotency_key'])
      .execute();

    await db.schema
      .createTable('lead_notes')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('lead_id', 'char(36)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('author_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('author_name', 'varchar(120)', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createIndex('notes_by_lead')
      .on('lead_notes')
      .columns(['dealership_id', 'lead_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('lead_tasks')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('lead_id', 'char(36)', (c) => c.notNull())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('due_at', 'datetime(3)', (c) => c.notNull())
      .addColumn('completed_at', 'datetime(3)')
      .addColumn('created_by_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('created_by_name', 'varchar(120)', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createIndex('tasks_by_lead')
      .on('lead_tasks')
      .columns(['dealership_id', 'lead_id', 'due_at'])
      .execute();

    // Events written in the same transaction as the change; the relay publishes them to BullMQ.
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'bigint', (c) => c.primaryKey().autoIncrement())
      .addColumn('event_id', 'char(36)', (c) => c.notNull().unique())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('lead_id', 'char(36)', (c) => c.notNull())
      .addColumn('type', 'varchar(40)', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'datetime(3)', (c) => c.notNull())
      .addColumn('published_at', 'datetime(3)')
      .execute();
    await db.schema.createIndex('outbox_unpublished').on('outbox').columns(['published_at', 'id']).execute();

    // What a consumer has already done for an event, so a retried job never sends a mail twice.
    await db.schema
      .createTable('outbox_deliveries')
      .addColumn('event_id', 'char(36)', (c) => c.notNull())
      .addColumn('handler', 'varchar(30)', (c) => c.notNull())
      .addColumn('delivered_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addPrimaryKeyConstraint('outbox_deliveries_pk', ['event_id', 'handler'])
      .execute();

    // The embedded analytics store (Elasticsearch's stand-in): one row per lead event.
    await db.schema
      .createTable('lead_analytics')
      .addColumn('event_id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('lead_id', 'char(36)', (c) => c.notNull())
      .addColumn('type', 'varchar(40)', (c) => c.notNull())
      .addColumn('channel', 'varchar(10)', (c) => c.notNull())
      .addColumn('source', 'varchar(80)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('occurred_at', 'datetime(3)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('analytics_by_dealership')
      .on('lead_analytics')
      .columns(['dealership_id', 'occurred_at'])
      .execute();
  },
};
