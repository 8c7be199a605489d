import type { CompiledQuery } from 'kysely';
import type { Pool } from 'mysql2';
import type { PoolConnection } from 'mysql2/promise';
import { retryOnDeadlock } from './errors';

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

const statement = (sql: string): Statement => ({ sql, parameters: [] });

/**
 * One transaction on one connection, sent in as few round trips as its reads allow: writes wait and
 * go with the next read, or with the COMMIT, as one multi-statement packet, and the first packet
 * begins the transaction. On this kind of machine each round trip to MySQL costs more than the
 * statement it carries (ADR 0015). MySQL runs no statement of a packet after one that fails, so a
 * failure surfaces at the read or commit that sent it, and the transaction must be rolled back.
 */
export class StatementBatch {
  private pending: Statement[] = [statement('START TRANSACTION')];

  constructor(private readonly connection: PoolConnection) {}

  /** A write, sent with the next read or the commit. */
  queue(query: CompiledQuery): void {
    this.pending.push(query);
  }

  /** The rows of `query`, sent together with the writes queued before it. */
  async read<Row>(query: CompiledQuery<Row>): Promise<Row[]> {
    const results = await this.send([...this.take(), query]);
    return results.at(-1) as Row[];
  }

  async commit(): Promise<void> {
    await this.send([...this.take(), statement('COMMIT')]);
  }

  async rollback(): Promise<void> {
    this.pending = [];
    await this.connection.query('ROLLBACK');
  }

  private take(): Statement[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  /** One packet; one result per statement. */
  private async send(statements: Statement[]): Promise<unknown[]> {
    const [results] = await this.connection.query(
      statements.map((s) => s.sql).join(';\n'),
      statements.flatMap((s) => s.parameters),
    );
    return statements.length === 1 ? [results] : (results as unknown[]);
  }
}

/**
 * Runs `work` as one StatementBatch on a connection of `pool` (createStatementBatchPool), committed
 * after it, rolled back when it throws, and begun again whole when InnoDB picks it as a deadlock's
 * victim (see retryOnDeadlock).
 */
export function inStatementBatch<T>(pool: Pool, work: (batch: StatementBatch) => Promise<T>): Promise<T> {
  return retryOnDeadlock(async () => {
    const connection = await pool.promise().getConnection();
    const batch = new StatementBatch(connection);
    try {
      const result = await work(batch);
      await batch.commit();
      return result;
    } catch (error) {
      await batch.rollback().catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  });
}
