import { sql, type Generated, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { queueClaimTransaction, transactionRetryingDeadlocks } from './errors';
import { openThrowawayDatabase, type ThrowawayDatabase } from './testing/throwaway-database';

interface Db {
  jobs: { id: Generated<number>; published_at: Date | null };
}

let throwaway: ThrowawayDatabase<Db>;
let database: Database<Db>;

beforeAll(async () => {
  throwaway = await openThrowawayDatabase<Db>('queue_claim', [
    sql`CREATE TABLE jobs (
      id BIGINT AUTO_INCREMENT PRIMARY KEY,
      published_at DATETIME(3) NULL,
      KEY jobs_waiting (published_at, id)
    ) ENGINE=InnoDB`,
  ]);
  database = throwaway.database;
});

afterAll(() => throwaway.drop());

type Claim = <T>(db: typeof database.writer, work: (trx: Transaction<Db>) => Promise<T>) => Promise<T>;

/**
 * Claims every waiting job the way the outbox relay does and, while the claim is open, lets a
 * producer insert the next waiting job with a one-second lock wait: what the producer got.
 */
async function producerBesideOpenClaim(claim: Claim): Promise<'inserted' | 'waited for the claim'> {
  await sql`DELETE FROM jobs`.execute(database.writer);
  await database.writer
    .insertInto('jobs')
    .values([{ published_at: null }, { published_at: null }])
    .execute();
  let outcome: 'inserted' | 'waited for the claim' | undefined;
  await claim(database.writer, async (trx) => {
    const claimed = await trx
      .selectFrom('jobs')
      .select('id')
      .where('published_at', 'is', null)
      .orderBy('id')
      .limit(200)
      .forUpdate()
      .skipLocked()
      .execute();
    expect(claimed).toHaveLength(2);
    outcome = await database.writer.connection().execute(async (producer) => {
      await sql`SET SESSION innodb_lock_wait_timeout = 1`.execute(producer);
      try {
        await producer.insertInto('jobs').values({ published_at: null }).execute();
        return 'inserted';
      } catch (error) {
        if ((error as { errno?: number }).errno === 1205) return 'waited for the claim';
        throw error;
      } finally {
        await sql`SET SESSION innodb_lock_wait_timeout = DEFAULT`.execute(producer);
      }
    });
  });
  return outcome ?? 'waited for the claim';
}

describe('queueClaimTransaction', () => {
  it('lets producers add jobs while a claim is open: it locks the rows it claimed, not the gap after them', async () => {
    expect(await producerBesideOpenClaim(queueClaimTransaction)).toBe('inserted');
  });

  it('is needed: the same claim at the default REPEATABLE READ makes the producer wait for it', async () => {
    expect(await producerBesideOpenClaim(transactionRetryingDeadlocks)).toBe('waited for the claim');
  });
});
