import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const now = sql`CURRENT_TIMESTAMP(3)`;

/**
 * The retail schema: settings, products and the valuation grid a dealership maintains; the deals
 * shoppers build (offers, trade-ins, envelope-encrypted credit applications, reservations); and the
 * job table that is retail's outbox. Every row belongs to a dealership.
 */
export const retail: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('retail_settings')
      .addColumn('dealership_id', 'char(36)', (c) => c.primaryKey())
      .addColumn('fees', 'text', (c) => c.notNull())
      .addColumn('tax', 'text', (c) => c.notNull())
      .addColumn('credit_tiers', 'text', (c) => c.notNull())
      .addColumn('lease_residuals', 'text', (c) => c.notNull())
      .addColumn('reservation', 'text', (c) => c.notNull())
      .addColumn('credit_retention_days', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();

    await db.schema
      .createTable('protection_products')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('name', 'varchar(80)', (c) => c.notNull())
      .addColumn('description', 'varchar(600)', (c) => c.notNull())
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('active', sql`tinyint(1)`, (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createIndex('protection_products_dealership')
      .on('protection_products')
      .columns(['dealership_id', 'position'])
      .execute();

    await db.schema
      .createTable('valuation_grid_rows')
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('make', 'varchar(40)', (c) => c.notNull())
      .addColumn('model', 'varchar(60)')
      .addColumn('year_from', 'integer', (c) => c.notNull())
      .addColumn('year_to', 'integer', (c) => c.notNull())
      .addColumn('max_mileage', 'integer', (c) => c.notNull())
      .addColumn('low_cents', 'bigint', (c) => c.notNull())
      .addColumn('high_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('valuation_grid_rows_pk', ['dealership_id', 'position'])
      .execute();

    await db.schema
      .createTable('deals')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('vehicle_id', 'char(36)', (c) => c.notNull())
      .addColumn('vehicle', 'text', (c) => c.notNull())
      .addColumn('kind', sql`enum('finance','lease','cash')`, (c) => c.notNull())
      .addColumn('status', sql`enum('draft','submitted','countered','accepted','withdrawn')`, (c) =>
        c.notNull(),
      )
      .addColumn('shopper_first_name', 'varchar(80)', (c) => c.notNull())
      .addColumn('shopper_last_name', 'varchar(80)', (c) => c.notNull())
      .addColumn('shopper_email', 'varchar(254)', (c) => c.notNull())
      .addColumn('shopper_phone', 'varchar(40)')
      .addColumn('access_token_hash', 'char(64)', (c) => c.notNull())
      .addColumn('lead_id', 'char(36)')
      .addColumn('assignee_id', 'varchar(128)')
      .addColumn('offer_version', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('submitted_at', 'datetime(3)')
      .addColumn('accepted_at', 'datetime(3)')
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createIndex('deals_dealership_updated')
      .on('deals')
      .columns(['dealership_id', 'updated_at', 'id'])
      .execute();
    await db.schema
      .createIndex('deals_dealership_assignee')
      .on('deals')
      .columns(['dealership_id', 'assignee_id', 'updated_at'])
      .execute();

    await db.schema
      .createTable('deal_offers')
      .addColumn('deal_id', 'char(36)', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('by', sql`enum('shopper','dealer')`, (c) => c.notNull())
      .addColumn('structure', 'text', (c) => c.notNull())
      .addColumn('adjustments', 'text', (c) => c.notNull())
      .addColumn('quote', 'text', (c) => c.notNull())
      .addColumn('message', 'varchar(2000)')
      .addColumn('author_id', 'varchar(128)')
      .addColumn('author_name', 'varchar(120)')
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('accepted_at', 'datetime(3)')
      .addPrimaryKeyConstraint('deal_offers_pk', ['deal_id', 'version'])
      .execute();

    await db.schema
      .createTable('deal_activity')
      .addColumn('id', 'bigint', (c) => c.primaryKey().autoIncrement())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('deal_id', 'char(36)', (c) => c.notNull().references('deals.id').onDelete('cascade'))
      .addColumn('at', 'datetime(3)', (c) => c.notNull())
      .addColumn('actor', 'varchar(120)', (c) => c.notNull())
      .addColumn('kind', 'varchar(40)', (c) => c.notNull())
      .addColumn('text', 'varchar(500)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('deal_activity_deal')
      .on('deal_activity')
      .columns(['deal_id', 'at'])
      .execute();

    await db.schema
      .createTable('trade_ins')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('deal_id', 'char(36)', (c) =>
        c.notNull().unique().references('deals.id').onDelete('cascade'),
      )
      .addColumn('vin', 'char(17)')
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('make', 'varchar(40)', (c) => c.notNull())
      .addColumn('model', 'varchar(60)')
      .addColumn('trim', 'varchar(60)')
      .addColumn('mileage', 'integer', (c) => c.notNull())
      .addColumn('condition_answers', 'text', (c) => c.notNull())
      .addColumn('payoff_cents', 'bigint', (c) => c.notNull())
      .addColumn('lender', 'varchar(80)')
      .addColumn('estimate_low_cents', 'bigint')
      .addColumn('estimate_high_cents', 'bigint')
      .addColumn('appraisal_cents', 'bigint')
      .addColumn('appraisal_note', 'varchar(1000)')
      .addColumn('appraised_at', 'datetime(3)')
      .addColumn('appraised_by', 'varchar(120)')
      .addColumn('status', sql`enum('estimated','awaiting-appraisal','appraised')`, (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();

    await db.schema
      .createTable('trade_in_photos')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('trade_in_id', 'char(36)', (c) => c.notNull().references('trade_ins.id').onDelete('cascade'))
      .addColumn('object_key', 'varchar(300)', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();

    await db.schema
      .createTable('credit_applications')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('deal_id', 'char(36)', (c) =>
        c.notNull().unique().references('deals.id').onDelete('cascade'),
      )
      .addColumn('applicants', sql`tinyint`, (c) => c.notNull())
      .addColumn('consent_version', 'varchar(20)', (c) => c.notNull())
      .addColumn('consented_at', 'datetime(3)', (c) => c.notNull())
      .addColumn('submitted_at', 'datetime(3)', (c) => c.notNull())
      .addColumn('delete_after', 'datetime(3)', (c) => c.notNull())
      .addColumn('deleted_at', 'datetime(3)')
      .addColumn('key_id', 'varchar(2048)')
      .addColumn('encrypted_data_key', sql`varbinary(1024)`)
      .addColumn('iv', sql`binary(12)`)
      .addColumn('auth_tag', sql`binary(16)`)
      .addColumn('ciphertext', sql`mediumblob`)
      .execute();
    await db.schema
      .createIndex('credit_applications_retention')
      .on('credit_applications')
      .columns(['deleted_at', 'delete_after'])
      .execute();

    await db.schema
      .createTable('reservations')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('deal_id', 'char(36)', (c) =>
        c.notNull().unique().references('deals.id').onDelete('cascade'),
      )
      .addColumn('vehicle_id', 'char(36)', (c) => c.notNull())
      .addColumn('deposit_cents', 'bigint', (c) => c.notNull())
      .addColumn('status', sql`enum('awaiting-payment','held','released','expired','failed')`, (c) =>
        c.notNull(),
      )
      .addColumn('provider', 'varchar(20)', (c) => c.notNull())
      .addColumn('checkout_session_id', 'varchar(255)')
      .addColumn('paid_at', 'datetime(3)')
      .addColumn('held_until', 'datetime(3)')
      .addColumn('released_at', 'datetime(3)')
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createIndex('reservations_expiry')
      .on('reservations')
      .columns(['status', 'held_until'])
      .execute();
    await db.schema
      .createIndex('reservations_checkout')
      .on('reservations')
      .columns(['checkout_session_id'])
      .execute();

    await db.schema
      .createTable('payment_events')
      .addColumn('id', 'varchar(255)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('received_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();

    await db.schema
      .createTable('retail_jobs')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('kind', 'varchar(40)', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'varchar(160)', (c) => c.unique())
      .addColumn('state', sql`enum('pending','running','done','failed')`, (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'datetime(3)')
      .addColumn('claimed_until', 'datetime(3)')
      .addColumn('claim_token', 'char(36)')
      .addColumn('last_error', 'varchar(500)')
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createIndex('retail_jobs_due')
      .on('retail_jobs')
      .columns(['state', 'next_attempt_at'])
      .execute();
  },
};
