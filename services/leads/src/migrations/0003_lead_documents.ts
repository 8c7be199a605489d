import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * An ADF document (or the e-mail that carried it) is kept once per submission, not once per
 * prospect: a 50-prospect document used to be written 50 times. Each prospect's submission keeps
 * only its own part of the document, so a salesperson reading their lead never sees the
 * colleague's shoppers who came in the same document.
 */
export const leadDocuments: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('lead_documents')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('body', sql`mediumtext`, (c) => c.notNull())
      .addColumn('prospect_count', 'smallint', (c) => c.notNull())
      .addColumn('received_at', 'datetime(3)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('documents_by_dealership')
      .on('lead_documents')
      .columns(['dealership_id', 'received_at'])
      .execute();
    await db.schema
      .alterTable('lead_submissions')
      .addColumn('document_id', 'char(36)')
      .addColumn('prospect_document', sql`mediumtext`)
      .execute();
  },
};
