import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Whether a member takes new leads now (off on holiday, a day off); everyone starts available. */
export const memberAvailability: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('memberships')
      .addColumn('available', sql`tinyint(1)`, (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
