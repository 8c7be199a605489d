import { describe, expect, it } from 'vitest';
import { monthPeriod, zonedMidnight } from './zoned-midnight';

describe('a dealership’s calendar days as instants', () => {
  it('starts a winter day in New York at 05:00 UTC and a summer day at 04:00 UTC', () => {
    expect(zonedMidnight('2026-01-15', 'America/New_York').toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(zonedMidnight('2026-07-15', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });

  it('starts the days a clock changes on by the offset in force at their midnight', () => {
    // Clocks go forward at 02:00 on 8 March and back at 02:00 on 1 November 2026.
    expect(zonedMidnight('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(zonedMidnight('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(zonedMidnight('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(zonedMidnight('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('handles zones ahead of UTC and with half-hour offsets', () => {
    expect(zonedMidnight('2026-06-01', 'Europe/Berlin').toISOString()).toBe('2026-05-31T22:00:00.000Z');
    expect(zonedMidnight('2026-06-01', 'Asia/Kolkata').toISOString()).toBe('2026-05-31T18:30:00.000Z');
    expect(zonedMidnight('2026-06-01', 'UTC').toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });

  it('gives a month from its first midnight to the next month’s, across a year end', () => {
    const december = monthPeriod('2026-12', 'America/Chicago');
    expect(december.from.toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(december.to.toISOString()).toBe('2027-01-01T06:00:00.000Z');
    const march = monthPeriod('2026-03', 'America/New_York');
    expect(march.to.getTime() - march.from.getTime()).toBe((31 * 24 - 1) * 3_600_000);
  });
});
