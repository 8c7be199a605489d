import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A deal remembers the Idempotency-Key it was started with (sha256, never the key) and a hash of
 * the form it came with, so a double click or a retried request answers the same deal instead of
 * a second copy of the shopper's contact details. One key per dealership (many deals have none).
 */
export const dealStartKey: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('deals')
      .addColumn('start_key_hash', 'char(64)')
      .addColumn('start_body_hash', 'char(64)')
      .execute();
    await db.schema
      .createIndex('deals_start_key')
      .on('deals')
      .columns(['dealership_id', 'start_key_hash'])
      .unique()
      .execute();
  },
};
