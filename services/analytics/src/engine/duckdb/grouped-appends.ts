/**
 * Group commit for appends: while one batch is being written, the batches that arrive meanwhile
 * wait and are then written together in one insert. Each collection request brings 50 events, and
 * an insert costs about the same for 50 rows as for 5,000 (the key check and the statement, not the
 * rows, dominate), so under load the engine keeps up by writing fewer, larger inserts; when idle a
 * batch is written at once, with no added wait.
 *
 * A failed write fails every batch of its group (each caller sees the error and may retry); batches
 * are checked one by one before they get here, so one producer's bad event never fails another's.
 */
export class GroupedAppends<Row> {
  private waiting: { rows: readonly Row[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly write: (rows: readonly Row[]) => Promise<void>) {}

  append(rows: readonly Row[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      if (!this.writing) void this.writeWaiting();
    });
  }

  /** Resolves once every batch handed in so far has been written (or has failed). */
  idle(): Promise<void> {
    if (!this.writing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      // In arrival order, so an id sent twice keeps the copy that came first.
      const group = this.waiting.splice(0);
      try {
        await this.write(group.flatMap((batch) => batch.rows));
        for (const batch of group) batch.resolve();
      } catch (error) {
        for (const batch of group) batch.reject(error);
      }
    }
    this.writing = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
