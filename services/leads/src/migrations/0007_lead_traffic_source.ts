import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The traffic source of the website visit a lead was sent from (utm_source, the referrer's host or
 * `direct`, as the storefront's tracker names it). Analytics counts the lead under it, so a
 * visit's vehicle views and the lead it sent share one funnel row and ad spend entered for
 * "google" finds its leads. Null for leads from anywhere else (ADF, staff, online deals) and for
 * every lead stored before: they keep their own source in analytics.
 */
export const leadTrafficSource: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema.alterTable('leads').addColumn('traffic_source', 'varchar(80)').execute();
  },
};
