import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * One DuckDB connection, used by one piece of work at a time. A connection carries one transaction
 * and one pending result: two requests interleaving their statements on it would commit each
 * other's half-appended batch or read a result meant for the other. Queuing them costs little here
 * (a report query takes milliseconds, and the process has few cores to run them on anyway).
 */
export class SerialConnection {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly connection: DuckDBConnection) {}

  use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => work(this.connection));
    // The next piece of work waits for this one to finish, whether it succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
