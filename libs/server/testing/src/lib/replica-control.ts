import type { Connection } from 'mysql2/promise';

/**
 * Has the pair's replica apply each change `seconds` after the primary committed it
 * (`MASTER_DELAY`), so a read that reaches it right after a write misses the write every time.
 */
export async function delayReplica(replica: Connection, seconds: number): Promise<void> {
  await replica.query('STOP SLAVE');
  await replica.query('CHANGE MASTER TO MASTER_DELAY = ?', [seconds]);
  await replica.query('START SLAVE');
}

/** Whether the replica holds the row of `table` with this id yet. */
export async function replicaHolds(replica: Connection, table: string, id: string): Promise<boolean> {
  const [rows] = (await replica.query('SELECT id FROM ?? WHERE id = ?', [table, id])) as unknown as [
    unknown[],
  ];
  return rows.length === 1;
}

/** Resolves once `check` holds; fails saying `what` after `withinMs`. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  withinMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
