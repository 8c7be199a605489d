import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A vehicle's photos (their bytes live in S3 under content-hashed keys), and on the vehicle its hero
 * photo's key and its photo count, so list pages and search hits stay one query.
 */
export const photos: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('vehicle_photos')
      .addColumn('id', 'char(36)', (c) => c.notNull())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('vehicle_id', 'char(36)', (c) => c.notNull())
      .addColumn('position', 'smallint', (c) => c.notNull().unsigned())
      // sha256 of the original bytes, hex.
      .addColumn('content_hash', 'char(64)', (c) => c.notNull())
      // photos/<dealership>/<vehicle>/<hash16>: each variant is <key_base>-<variant>.<webp|jpg>.
      .addColumn('key_base', 'varchar(200)', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull().unsigned())
      .addColumn('height', 'integer', (c) => c.notNull().unsigned())
      .addColumn('bytes', 'integer', (c) => c.notNull().unsigned())
      .addColumn('source', sql`enum('upload','robot','feed')`, (c) => c.notNull())
      .addColumn('source_url', 'varchar(2048)')
      .addColumn('original_name', 'varchar(255)')
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addPrimaryKeyConstraint('vehicle_photos_pk', ['dealership_id', 'id'])
      .addUniqueConstraint('vehicle_photos_once_per_vehicle', ['dealership_id', 'vehicle_id', 'content_hash'])
      .execute();
    await db.schema
      .createIndex('vehicle_photos_in_order')
      .on('vehicle_photos')
      .columns(['dealership_id', 'vehicle_id', 'position'])
      .execute();
    await db.schema
      .alterTable('vehicles')
      .addColumn('hero_photo_key', 'varchar(200)')
      .addColumn('photo_count', 'smallint', (c) => c.notNull().unsigned().defaultTo(0))
      .execute();
  },
};
