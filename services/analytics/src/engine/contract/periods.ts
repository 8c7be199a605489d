import { describe, expect, it } from 'vitest';
import { AnalyticsInputError } from '../engine-errors';
import type { AnalyticsEngine } from '../port';
import { ROOFTOP, FROM, TO, period, leadFlow, arrival } from './fixtures';

/**
 * Periods and days: calendar days in the filter’s time zone across midnight and DST, `from`
 * inclusive and `to` exclusive, bad filters refused, no dealership means empty answers.
 */
export function describePeriods(engine: AnalyticsEngine): void {
  describe('periods and days', () => {
    it('when leads arrive either side of local midnight, then they fall on the calendar days of the filter’s time zone', async () => {
      // 05:59:59 UTC is 23:59:59 on 2 March in Chicago; 06:00:00 UTC is midnight of 3 March.
      await engine.append([arrival('2026-03-03T05:59:59Z'), arrival('2026-03-03T06:00:00Z')]);

      expect(await engine.leadsBySourceAndDay(period())).toEqual([
        { day: '2026-03-02', source: 'cars.com', leads: 1 },
        { day: '2026-03-03', source: 'cars.com', leads: 1 },
      ]);
      expect(await engine.leadsBySourceAndDay(period({ timeZone: 'UTC' }))).toEqual([
        { day: '2026-03-03', source: 'cars.com', leads: 2 },
      ]);
    });

    it('when daylight saving time starts, then days follow the new offset', async () => {
      // Chicago moves to UTC−5 on 8 March: 05:30 UTC on 9 March is 00:30 local on the 9th (a fixed −6 would say the 8th).
      await engine.append([arrival('2026-03-08T05:30:00Z'), arrival('2026-03-09T05:30:00Z')]);

      const days = await engine.leadsBySourceAndDay(period({ to: new Date('2026-03-10T05:00:00Z') }));

      expect(days).toEqual([
        { day: '2026-03-07', source: 'cars.com', leads: 1 },
        { day: '2026-03-09', source: 'cars.com', leads: 1 },
      ]);
    });

    it('when events sit exactly on the period’s edges, then from counts and to does not', async () => {
      await engine.append([
        arrival('2026-03-02T05:59:59.999Z'),
        arrival(FROM.toISOString()),
        arrival('2026-03-05T05:59:59.999Z'),
        arrival(TO.toISOString()),
      ]);

      expect(await engine.leadsAndSalesBySource(period())).toEqual([
        { source: 'cars.com', leads: 2, sold: 0 },
      ]);
    });

    it('when the filter is not a pair of instants in a known time zone, then it is refused', async () => {
      await expect(engine.leadsBySourceAndDay(period({ from: new Date('not a date') }))).rejects.toThrow(
        AnalyticsInputError,
      );
      await expect(engine.funnelBySource(period({ timeZone: 'Mars/Olympus_Mons' }))).rejects.toThrow(
        AnalyticsInputError,
      );
      await expect(engine.inventoryAging([ROOFTOP], new Date(Number.NaN), [0])).rejects.toThrow(
        AnalyticsInputError,
      );
      await expect(engine.noResultSearches(period(), -1)).rejects.toThrow(AnalyticsInputError);
    });

    it('when the filter names no dealership, then every answer is empty', async () => {
      await engine.append(leadFlow());
      const none = period({ dealershipIds: [] });

      expect(await engine.leadsBySourceAndDay(none)).toEqual([]);
      expect(await engine.funnelBySource(none)).toEqual([]);
      expect(await engine.rooftopFigures(none)).toEqual([]);
      expect(await engine.searchTotals(none)).toEqual({ searches: 0, noResultSearches: 0 });
      expect(await engine.daysToSell(none)).toEqual({ sold: 0, medianDays: null, averageDays: null });
      expect(await engine.inventoryAging([], TO, [0, 31])).toEqual([0, 0]);
    });
  });
}
