import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';

describe('backoff', () => {
  it('backs off from the first wait, doubling, at most the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(60_000, attempt, 200_000))).toEqual([
      60_000, 120_000, 200_000, 200_000,
    ]);
    expect(backoffMs(10_000, 3)).toBe(40_000);
  });
});
