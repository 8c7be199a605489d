import { sql } from 'kysely';
import type { Pool } from 'mysql2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStatementBatchPool, type Database } from './database';
import { inStatementBatch } from './statement-batch';
import { openThrowawayDatabase, type ThrowawayDatabase } from './testing/throwaway-database';

interface Db {
  counters: { id: number; hits: number };
}

let throwaway: ThrowawayDatabase<Db>;
let database: Database<Db>;
let batches: Pool;

beforeAll(async () => {
  throwaway = await openThrowawayDatabase<Db>('statement_batch', [
    sql`CREATE TABLE counters (id INT PRIMARY KEY, hits INT NOT NULL) ENGINE=InnoDB`,
  ]);
  database = throwaway.database;
  batches = createStatementBatchPool(throwaway.url, 4);
});

beforeEach(async () => {
  await database.writer.deleteFrom('counters').execute();
});

afterAll(async () => {
  await batches.promise().end();
  await throwaway.drop();
});

const db = () => database.writer;
const insert = (id: number, hits = 0) => db().insertInto('counters').values({ id, hits }).compile();
const hitsOf = (id: number) => db().selectFrom('counters').select('hits').where('id', '=', id).compile();
const stored = () => db().selectFrom('counters').selectAll().orderBy('id').execute();

describe('a StatementBatch transaction', () => {
  it('lets a read see the writes queued before it, and shows nothing to others until it commits', async () => {
    let seenInside: unknown;
    let seenOutside: unknown;
    await inStatementBatch(batches, async (batch) => {
      batch.queue(insert(1, 5));
      seenInside = await batch.read(hitsOf(1));
      seenOutside = await stored();
      batch.queue(insert(2));
    });
    expect({ seenInside, seenOutside }).toEqual({ seenInside: [{ hits: 5 }], seenOutside: [] });
    expect(await stored()).toEqual([
      { id: 1, hits: 5 },
      { id: 2, hits: 0 },
    ]);
  });

  it('keeps nothing when a statement of its last packet fails: the writes before it roll back too', async () => {
    await db().insertInto('counters').values({ id: 7, hits: 0 }).execute();
    await expect(
      inStatementBatch(batches, async (batch) => {
        batch.queue(insert(3));
        await batch.read(hitsOf(3));
        batch.queue(insert(4));
        batch.queue(insert(7)); // a duplicate key: MySQL runs nothing after it
        batch.queue(insert(5));
      }),
    ).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
    expect(await stored()).toEqual([{ id: 7, hits: 0 }]);
  });

  it('keeps nothing when the work throws', async () => {
    await expect(
      inStatementBatch(batches, async (batch) => {
        batch.queue(insert(8));
        await batch.read(hitsOf(8));
        throw new Error('the dealership takes no leads');
      }),
    ).rejects.toThrow('the dealership takes no leads');
    expect(await stored()).toEqual([]);
  });

  it('runs the victim of a real deadlock again whole, and both sides commit once', async () => {
    await db()
      .insertInto('counters')
      .values([
        { id: 1, hits: 0 },
        { id: 2, hits: 0 },
      ])
      .execute();
    let holdingFirst = 0;
    let bothHoldTheirFirst!: () => void;
    const bothHold = new Promise<void>((resolve) => (bothHoldTheirFirst = resolve));
    let runs = 0;
    const lock = (id: number) =>
      db().selectFrom('counters').select('hits').where('id', '=', id).forUpdate().compile();
    const bump = (id: number) =>
      db()
        .updateTable('counters')
        .set({ hits: sql<number>`hits + 1` })
        .where('id', '=', id)
        .compile();
    const bumpBoth = (first: number, second: number) =>
      inStatementBatch(batches, async (batch) => {
        runs++;
        await batch.read(lock(first));
        if (++holdingFirst === 2) bothHoldTheirFirst();
        await bothHold;
        await batch.read(lock(second));
        batch.queue(bump(first));
        batch.queue(bump(second));
      });

    await Promise.all([bumpBoth(1, 2), bumpBoth(2, 1)]);

    expect({ runs, counters: await stored() }).toEqual({
      runs: 3,
      counters: [
        { id: 1, hits: 2 },
        { id: 2, hits: 2 },
      ],
    });
  });
});
