import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Lead events now go to the analytics service (consumer `analytics` posts them to its ingest
 * route), which answers the dashboard's questions; the local copy in `lead_analytics` was read by
 * nothing and would only drift from it. Its rows are not moved: they carried no more than the
 * outbox still does, and analytics takes events from the day it runs.
 */
export const dropLeadAnalytics: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('lead_analytics').ifExists().execute();
  },
};
