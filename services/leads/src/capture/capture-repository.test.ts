import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { LeadsDatabase } from '../database';
import { CaptureRepository } from './capture-repository';

describe('a capture chosen as a deadlock’s victim', () => {
  it('is stored by running its transaction again, not answered with an error', async () => {
    let attempts = 0;
    // The database's side of it: InnoDB rolls the first attempt back as a deadlock's victim.
    const db = {
      transaction: () => ({
        execute: async <T>(work: (trx: unknown) => Promise<T>): Promise<T> => {
          attempts++;
          if (attempts === 1) {
            throw Object.assign(new Error('Deadlock found when trying to get lock'), {
              code: 'ER_LOCK_DEADLOCK',
              errno: 1213,
            });
          }
          return work({});
        },
      }),
    } as unknown as Kysely<LeadsDatabase>;

    const stored = await new CaptureRepository(db).transaction(async () => 'lead stored');

    expect([stored, attempts]).toEqual(['lead stored', 2]);
  });
});
