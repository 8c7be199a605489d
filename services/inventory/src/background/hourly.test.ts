import { describe, expect, it } from 'vitest';
import { HOUR_MS, Hourly } from './hourly';

describe('hourly chores', () => {
  it('an hourly chore is due at once, then once an hour; running it directly restarts the hour', () => {
    const chore = new Hourly();
    expect(chore.due(1_000)).toBe(true);
    expect(chore.due(1_000 + HOUR_MS - 1)).toBe(false);
    expect(chore.due(1_000 + HOUR_MS)).toBe(true);
    chore.ran(1_000 + 1.5 * HOUR_MS);
    expect(chore.due(1_000 + 2 * HOUR_MS)).toBe(false);
  });
});
