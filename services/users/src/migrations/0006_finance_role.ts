import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The finance manager (F&I) joins the roles: deals and the credit applications behind them.
 * MODIFY COLUMN restates the whole column, so NOT NULL is said again; the existing values keep
 * their meaning because an enum only gains a member here.
 */
export const financeRole: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await sql`ALTER TABLE memberships MODIFY COLUMN role enum('owner','manager','finance','sales','viewer') NOT NULL`.execute(
      db,
    );
  },
};
