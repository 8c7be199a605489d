import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A deal a shopper worked out online (digital retailing) and the lead it became: one row per deal,
 * so the retail service's calls for the same deal find its lead again instead of opening a second
 * one, with the deal's summary as the lead shows it and its ADF forward states it. The summary is
 * what the retail service sends (no credit application data, only its status).
 */
export const dealLeads: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('deal_leads')
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('deal_id', 'char(36)', (c) => c.notNull())
      .addColumn('lead_id', 'char(36)', (c) => c.notNull())
      // DealLeadSummary as JSON.
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull())
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull())
      .addPrimaryKeyConstraint('deal_leads_pk', ['dealership_id', 'deal_id'])
      .execute();
    await db.schema
      .createIndex('deal_leads_by_lead')
      .on('deal_leads')
      .columns(['dealership_id', 'lead_id', 'updated_at'])
      .execute();
  },
};
