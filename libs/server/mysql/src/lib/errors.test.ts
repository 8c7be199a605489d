import { describe, expect, it } from 'vitest';
import { isDeadlockError, retryOnDeadlock } from './errors';

/** What mysql2 rejects with when InnoDB picks the transaction as a deadlock's victim. */
const deadlock = () =>
  Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
    code: 'ER_LOCK_DEADLOCK',
    errno: 1213,
  });

describe('a transaction chosen as a deadlock’s victim', () => {
  it('is recognised by its code or its number, and nothing else is', () => {
    expect(isDeadlockError(deadlock())).toBe(true);
    expect(isDeadlockError({ errno: 1213 })).toBe(true);
    expect(isDeadlockError(Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY', errno: 1062 }))).toBe(
      false,
    );
    expect(isDeadlockError(undefined)).toBe(false);
  });

  it('runs again until it commits', async () => {
    let runs = 0;
    const claimed = await retryOnDeadlock(async () => {
      runs++;
      if (runs < 3) throw deadlock();
      return ['job-1'];
    });
    expect([claimed, runs]).toEqual([['job-1'], 3]);
  });

  it('gives up after the last attempt, and never runs again after another error', async () => {
    let runs = 0;
    await expect(
      retryOnDeadlock(async () => {
        runs++;
        throw deadlock();
      }, 2),
    ).rejects.toMatchObject({ errno: 1213 });
    expect(runs).toBe(2);

    runs = 0;
    await expect(
      retryOnDeadlock(async () => {
        runs++;
        throw new Error('connection lost');
      }),
    ).rejects.toThrow('connection lost');
    expect(runs).toBe(1);
  });
});
