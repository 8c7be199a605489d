import { addDays, daysIn, everyDay, presetRange, previousRange, rangeLabel, todayIn } from './report-range';

describe('report periods', () => {
  it('takes today in the dealership’s time zone, not the browser’s', () => {
    // 03:30 UTC on Dec 7 is still Dec 6 evening in Chicago.
    const now = new Date('2026-12-07T03:30:00Z');
    expect(todayIn('America/Chicago', now)).toBe('2026-12-06');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-12-07');
  });

  it('counts today as one of the last N days', () => {
    expect(presetRange('last-7', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(presetRange('last-30', '2026-12-06')).toEqual({ from: '2026-11-07', to: '2026-12-06' });
    expect(daysIn(presetRange('last-90', '2026-12-06'))).toBe(90);
  });

  it('gives this month so far and the whole of last month, across a year end', () => {
    expect(presetRange('this-month', '2026-12-06')).toEqual({ from: '2026-12-01', to: '2026-12-06' });
    expect(presetRange('last-month', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('last-month', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('compares with the period of the same length just before', () => {
    expect(previousRange({ from: '2026-11-30', to: '2026-12-06' })).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
  });

  it('adds days across a daylight-saving change without losing one', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(everyDay({ from: '2026-10-31', to: '2026-11-02' })).toEqual([
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
  });

  it('labels a period as a person reads it', () => {
    expect(rangeLabel({ from: '2026-11-07', to: '2026-12-06' })).toBe('Nov 7 – Dec 6, 2026');
    expect(rangeLabel({ from: '2025-12-20', to: '2026-01-05' })).toBe('Dec 20, 2025 – Jan 5, 2026');
  });
});
