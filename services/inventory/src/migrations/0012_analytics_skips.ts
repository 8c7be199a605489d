import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A vehicle event that can never become a valid analytics event (an empty make, a year outside
 * the contract, a payload that is not an object) is set aside instead of holding back every row behind
 * it: the relay marks it handled (analytics_shipped_at) and writes here which field broke which
 * rule, never the value. NULL on every row analytics received.
 */
export const analyticsSkips: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema.alterTable('inventory_events').addColumn('analytics_skipped', 'varchar(300)').execute();
  },
};
