import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The dealership's own domains its site is not served on yet (the CDN refused the name, or nothing
 * serves own domains on this machine), as the attach-domain step last found them: a JSON array of
 * names; NULL when there are none. TEXT takes no literal default in MySQL 8, hence NULL for none.
 */
export const unservedDomains: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema.alterTable('website_provisioning').addColumn('unserved_domains', 'text').execute();
  },
};
