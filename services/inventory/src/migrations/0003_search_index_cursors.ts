import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * How far each search index consumer (the Algolia indexer) has followed vehicle_changes. It lives
 * beside the changes so a restart, a deploy or another instance taking over goes on where the last
 * one stopped; a row moves only after the index acknowledged the changes up to its seq.
 */
export const searchIndexCursors: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('search_index_cursors')
      .addColumn('consumer', 'varchar(100)', (c) => c.notNull().primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull().unsigned())
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
  },
};
