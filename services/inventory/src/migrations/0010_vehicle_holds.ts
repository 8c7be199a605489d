import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A vehicle a shopper reserved online (digital retailing) is on hold: status pending, and which
 * reservation holds it until when, so a retry of the same hold answers the same and only that
 * reservation's release puts it back on sale. Both are NULL when nobody holds the vehicle.
 */
export const vehicleHolds: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('vehicles')
      .addColumn('hold_reservation_id', 'char(36)')
      .addColumn('held_until', 'datetime(3)')
      .execute();
  },
};
