import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A deal keeps every reservation it had: a checkout started again no longer deletes the one before
 * (whose deposit may have been paid and refunded), so `deal_id` stops being unique and the row left
 * unpaid becomes `replaced`. The deal's reservation is its latest one; the webhook finds a checkout's
 * reservation by its session id alone, however old.
 */
export const reservationHistory: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    // The foreign key on deal_id needs an index starting with it before the unique one can go.
    await db.schema
      .createIndex('reservations_deal')
      .on('reservations')
      .columns(['deal_id', 'created_at'])
      .execute();
    await db.schema.dropIndex('deal_id').on('reservations').execute();
    await sql`
      alter table reservations modify status
        enum('awaiting-payment','held','released','expired','failed','replaced') not null
    `.execute(db);
  },
};
