import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The origins Showroom serves a dealership's website on, set by website provisioning (users): kept
 * apart from the origins a dealer types in (`site_origins`), so neither side overwrites the other.
 * CORS allows the union.
 */
export const websiteOrigins: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('lead_settings')
      // MySQL 8 refuses a literal default on TEXT (error 1101); an expression default is taken
      // (MySQL ≥ 8.0.13, MariaDB).
      .addColumn('website_origins', 'text', (c) => c.notNull().defaultTo(sql`('[]')`))
      .execute();
  },
};
