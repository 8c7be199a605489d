import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Dealer websites: a dealership's street address and phone (facts of the dealership, shown on its
 * site and used when a rooftop is onboarded), its site's settings, and the register of custom
 * domains, whose primary key lets a domain belong to one dealership only.
 */
export const dealerWebsites: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('dealerships')
      .addColumn('street', 'varchar(120)')
      .addColumn('postal_code', 'varchar(16)')
      .addColumn('country', 'char(2)')
      .addColumn('phone', 'varchar(32)')
      .execute();
    await db.schema
      .createTable('websites')
      .addColumn('dealership_id', 'char(36)', (c) =>
        c.primaryKey().references('dealerships.id').onDelete('cascade'),
      )
      .addColumn('tagline', 'varchar(140)')
      .addColumn('email', 'varchar(254)')
      .addColumn('hours', 'json', (c) => c.notNull())
      .addColumn('brand_colour', 'char(7)', (c) => c.notNull())
      .addColumn('accent_colour', 'char(7)', (c) => c.notNull())
      /** The normalised upload (private, in the media bucket); provisioning makes the public variants. */
      .addColumn('logo_key', 'varchar(255)')
      .addColumn('logo_width', 'integer')
      .addColumn('logo_height', 'integer')
      .addColumn('logo_hash', 'char(64)')
      /** Ordered: the first is the canonical host. */
      .addColumn('custom_domains', 'json', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
    await db.schema
      .createTable('website_domains')
      .addColumn('domain', 'varchar(253)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) =>
        c.notNull().references('dealerships.id').onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('website_domains_by_dealership')
      .on('website_domains')
      .columns(['dealership_id'])
      .execute();
  },
};
