import { describe, expect, it } from 'vitest';
import { periodsOf } from './report-period';
import { proratedCosts } from './source-cost-proration';

describe('a report’s days as instants in the dealership’s time zone', () => {
  it('runs from the first day’s midnight to the midnight after the last, and compares with as many days before', () => {
    const { current, previous } = periodsOf(
      { from: '2026-11-01', to: '2026-11-07', compare: 'previous' },
      'America/New_York',
    );
    // 1 November is the day clocks go back: it starts on daylight time, the 8th on standard time.
    expect(current.from.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(current.to.toISOString()).toBe('2026-11-08T05:00:00.000Z');
    expect(previous).toMatchObject({ fromDay: '2026-10-25', toDay: '2026-10-31' });
    expect(previous?.to).toEqual(current.from);
  });

  it('a single day a clock goes forward on is 23 hours long; the day before is compared with it', () => {
    const { current, previous } = periodsOf(
      { from: '2026-03-08', to: '2026-03-08', compare: 'previous' },
      'America/New_York',
    );
    expect(current.to.getTime() - current.from.getTime()).toBe(23 * 3_600_000);
    expect(previous).toMatchObject({ fromDay: '2026-03-07', toDay: '2026-03-07' });
  });

  it('a month compared reaches back across the year’s end and a leap day', () => {
    expect(
      periodsOf({ from: '2028-01-01', to: '2028-01-31', compare: 'previous' }, 'UTC').previous,
    ).toMatchObject({
      fromDay: '2027-12-01',
      toDay: '2027-12-31',
    });
    expect(
      periodsOf({ from: '2028-03-01', to: '2028-03-02', compare: 'previous' }, 'UTC').previous,
    ).toMatchObject({
      fromDay: '2028-02-28',
      toDay: '2028-02-29',
    });
  });

  it('without comparison there is no previous period', () => {
    expect(periodsOf({ from: '2026-11-01', to: '2026-11-07', compare: 'none' }, 'UTC').previous).toBeNull();
  });
});

describe('monthly source costs prorated over a period', () => {
  const costs = [
    { month: '2026-01', source: 'cars.com', costCents: 31_000 },
    { month: '2026-02', source: 'cars.com', costCents: 28_000 },
    { month: '2026-02', source: 'facebook', costCents: 10_001 },
    { month: '2026-04', source: 'cars.com', costCents: 99_999 },
  ];

  it('takes each month’s share by the period’s days in it (31 days of January, 28 of February)', () => {
    // 22–31 January: 10 of 31 days; 1–14 February: 14 of 28 days.
    expect(proratedCosts(costs, { fromDay: '2026-01-22', toDay: '2026-02-14' })).toEqual(
      new Map([
        ['cars.com', 10_000 + 14_000],
        ['facebook', 5_001], // 5 000.5 cents rounds once, to the nearest cent
      ]),
    );
  });

  it('a whole month costs what was entered; months outside the period cost nothing', () => {
    expect(proratedCosts(costs, { fromDay: '2026-02-01', toDay: '2026-02-28' })).toEqual(
      new Map([
        ['cars.com', 28_000],
        ['facebook', 10_001],
      ]),
    );
    expect(proratedCosts(costs, { fromDay: '2026-03-01', toDay: '2026-03-31' })).toEqual(new Map());
  });
});
