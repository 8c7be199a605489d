import { sql, type QueryExecutorProvider } from 'kysely';

/** Where an index consumer resumes: the last change seq its index acknowledged. */
export interface IndexCursorStore {
  /** undefined when the consumer never ran (nor a full reindex for it). */
  load(consumer: string): Promise<number | undefined>;
  /** Moves forward only: a late writer (a lease lost mid-batch) can never move it back. */
  advance(consumer: string, seq: number): Promise<void>;
  /**
   * Moves back to `seq` unless it is already there or before: after a full reindex, the changes made
   * while it read MySQL are applied again to the new index.
   */
  rewind(consumer: string, seq: number): Promise<void>;
  /**
   * The cursor of the consumer furthest behind (undefined with none): pruning the change feed must
   * keep every change after it, or a consumer that was down for long would never see them.
   */
  lowest(): Promise<number | undefined>;
}

/** The cursors in `search_index_cursors` (migration 0003), on the writer. */
export class MysqlIndexCursorStore implements IndexCursorStore {
  constructor(private readonly db: QueryExecutorProvider) {}

  async load(consumer: string): Promise<number | undefined> {
    const { rows } = await sql<{ seq: number | string }>`
      SELECT seq FROM search_index_cursors WHERE consumer = ${consumer}`.execute(this.db);
    return rows[0] === undefined ? undefined : Number(rows[0].seq);
  }

  async advance(consumer: string, seq: number): Promise<void> {
    await sql`
      INSERT INTO search_index_cursors (consumer, seq) VALUES (${consumer}, ${seq})
      ON DUPLICATE KEY UPDATE
        updated_at = IF(VALUES(seq) > seq, CURRENT_TIMESTAMP(3), updated_at),
        seq = GREATEST(seq, VALUES(seq))`.execute(this.db);
  }

  async lowest(): Promise<number | undefined> {
    const { rows } = await sql<{ seq: number | string | null }>`
      SELECT MIN(seq) AS seq FROM search_index_cursors`.execute(this.db);
    const seq = rows[0]?.seq;
    return seq === null || seq === undefined ? undefined : Number(seq);
  }

  async rewind(consumer: string, seq: number): Promise<void> {
    await sql`
      INSERT INTO search_index_cursors (consumer, seq) VALUES (${consumer}, ${seq})
      ON DUPLICATE KEY UPDATE
        updated_at = IF(VALUES(seq) < seq, CURRENT_TIMESTAMP(3), updated_at),
        seq = LEAST(seq, VALUES(seq))`.execute(this.db);
  }
}
