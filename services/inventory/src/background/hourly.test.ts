import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';
import { HOUR_MS, Hourly } from './hourly';

describe('background helpers', () => {
  it('an hourly chore is due at once, then once an hour; running it directly restarts the hour', () => {
    const chore = new Hourly();
    expect(chore.due(1_000)).toBe(true);
    expect(chore.due(1_000 + HOUR_MS - 1)).toBe(false);
    expect(chore.due(1_000 + HOUR_MS)).toBe(true);
    chore.ran(1_000 + 1.5 * HOUR_MS);
    expect(chore.due(1_000 + 2 * HOUR_MS)).toBe(false);
  });

  it('backs off from the first wait, doubling, at most the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(60_000, attempt, 200_000))).toEqual([
      60_000, 120_000, 200_000, 200_000,
    ]);
    expect(backoffMs(10_000, 3)).toBe(40_000);
  });
});
