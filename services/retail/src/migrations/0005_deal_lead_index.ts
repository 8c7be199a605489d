import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Deals by their lead: the desk brings the remembered assignee of a lead's deals up to date (one
 * UPDATE … WHERE lead_id IN (…) per salesperson's list), which would otherwise scan the dealership's
 * deals.
 */
export const dealLeadIndex: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createIndex('deals_dealership_lead')
      .on('deals')
      .columns(['dealership_id', 'lead_id'])
      .execute();
  },
};
