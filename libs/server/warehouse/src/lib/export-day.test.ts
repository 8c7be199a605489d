import { describe, expect, it } from 'vitest';
import { exportDayFromArgs, exportDaysFromArgs, exportDayOf, yesterdayUtc } from './export-day';

describe('the day an ETL run works on', () => {
  const now = new Date('2026-12-06T02:15:00Z');

  it('when no --date is given, then it is yesterday in UTC, midnight to midnight', () => {
    expect(exportDayFromArgs([], now)).toEqual({
      date: '2026-12-05',
      from: new Date('2026-12-05T00:00:00Z'),
      to: new Date('2026-12-06T00:00:00Z'),
    });
    expect(yesterdayUtc(new Date('2027-01-01T00:00:00Z')).date).toBe('2026-12-31');
  });

  it('when --date names a past day (either spelling), then that day is used', () => {
    expect(exportDayFromArgs(['--date', '2026-02-28'], now).date).toBe('2026-02-28');
    expect(exportDayFromArgs(['--date=2024-02-29'], now).to).toEqual(new Date('2024-03-01T00:00:00Z'));
  });

  it('when --date is not a calendar date, or the day is not over, then it is refused with the reason', () => {
    expect(() => exportDayOf('2026-02-30')).toThrow(/not a calendar date/);
    expect(() => exportDayFromArgs(['--date', '05/12/2026'], now)).toThrow(/not a calendar date/);
    expect(() => exportDayFromArgs(['--date'], now)).toThrow(/not a calendar date/);
    expect(() => exportDayFromArgs(['--date', '2026-12-06'], now)).toThrow(/has not ended yet/);
  });

  it('when --days N is given, then the N days ending with the run’s day come back, oldest first', () => {
    expect(exportDaysFromArgs([], now).map((day) => day.date)).toEqual(['2026-12-05']);
    expect(exportDaysFromArgs(['--days', '3'], now).map((day) => day.date)).toEqual([
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
    // Across a month end, with --date naming the last day.
    expect(exportDaysFromArgs(['--date=2026-03-01', '--days=2'], now).map((day) => day.date)).toEqual([
      '2026-02-28',
      '2026-03-01',
    ]);
  });

  it('when --days is not 1 to 31, then it is refused with the reason', () => {
    for (const days of ['0', '32', '-1', '2.5', 'three', '']) {
      expect(() => exportDaysFromArgs(['--days', days], now), days).toThrow(
        /not a number of days from 1 to 31/,
      );
    }
    expect(() => exportDaysFromArgs(['--days'], now)).toThrow(/not a number of days/);
  });
});
