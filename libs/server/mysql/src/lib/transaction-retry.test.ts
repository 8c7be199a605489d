import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { transactionRetryingDeadlocks } from './errors';
import { openThrowawayDatabase, type ThrowawayDatabase } from './testing/throwaway-database';

interface Db {
  counters: { id: number; hits: number };
}

let throwaway: ThrowawayDatabase<Db>;
let database: Database<Db>;

beforeAll(async () => {
  throwaway = await openThrowawayDatabase<Db>('transaction_retry', [
    sql`CREATE TABLE counters (id INT PRIMARY KEY, hits INT NOT NULL) ENGINE=InnoDB`,
  ]);
  database = throwaway.database;
});

afterAll(() => throwaway.drop());

describe('transactionRetryingDeadlocks, against a real deadlock', () => {
  it('commits both sides: the victim is rolled back whole and runs again', async () => {
    await sql`INSERT INTO counters VALUES (1, 0), (2, 0)`.execute(database.writer);
    let holdingFirst = 0;
    let bothHoldTheirFirst!: () => void;
    const bothHold = new Promise<void>((resolve) => (bothHoldTheirFirst = resolve));
    let runs = 0;
    // Each locks one row, waits until the other holds the other row, then asks for it: InnoDB
    // must pick a victim.
    const bump = (first: number, second: number) =>
      transactionRetryingDeadlocks(database.writer, async (trx) => {
        runs++;
        await sql`UPDATE counters SET hits = hits + 1 WHERE id = ${first}`.execute(trx);
        if (++holdingFirst === 2) bothHoldTheirFirst();
        await bothHold;
        await sql`UPDATE counters SET hits = hits + 1 WHERE id = ${second}`.execute(trx);
      });

    await Promise.all([bump(1, 2), bump(2, 1)]);

    const counters = await database.writer.selectFrom('counters').selectAll().orderBy('id').execute();
    // Three runs, and each row bumped exactly twice: nothing of the victim's first run survived.
    expect({ runs, counters }).toEqual({
      runs: 3,
      counters: [
        { id: 1, hits: 2 },
        { id: 2, hits: 2 },
      ],
    });
  });
});
