import { describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../port';
import { ROOFTOP, NEIGHBOUR, TO, period, uuid, event, approx } from './fixtures';

/** The lot: inventory aging buckets at a moment and days to sell in a period. */
export function describeLot(engine: AnalyticsEngine): void {
  describe('inventory aging and days to sell', () => {
    const asOf = TO; // 5 March 2026, 06:00 UTC
    const buckets = [0, 31, 61, 91];
    const listed = (n: number, listedAt: string, dealershipId = ROOFTOP) =>
      event('vehicle_listed', listedAt, {
        vehicleId: uuid('vehicle', n),
        listedAt,
        dealershipId,
        priceCents: 2_500_000,
        make: 'Toyota',
        model: 'Tacoma',
        year: 2022,
        vehicleCondition: 'used',
      });
    const ended = (
      type: 'vehicle_sold' | 'vehicle_removed',
      n: number,
      at: string,
      listedAt: string,
      daysOnLot: number,
    ) => event(type, at, { vehicleId: uuid('vehicle', n), listedAt, daysOnLot });

    it('counts the lot at a moment by whole days since listing, leaving out what was sold, removed or not yet listed', async () => {
      await engine.append([
        listed(1, '2026-03-01T06:00:00Z'), // 4 days → 0–30
        listed(2, '2026-02-03T06:00:00Z'), // exactly 30 days → 0–30
        listed(3, '2026-02-02T06:00:00Z'), // 31 days → 31–60
        listed(4, '2026-02-02T06:00:01Z'), // one second short of 31 days → 0–30
        listed(5, '2025-11-20T06:00:00Z'), // 105 days → over 90, even after a price change
        event('vehicle_price_changed', '2026-02-15T12:00:00Z', {
          vehicleId: uuid('vehicle', 5),
          listedAt: '2025-11-20T06:00:00Z',
          priceCents: 2_300_000,
        }),
        listed(6, '2025-12-25T06:00:00Z'), // 70 days → 61–90; removed only after the moment
        ended('vehicle_removed', 6, '2026-03-06T12:00:00Z', '2025-12-25T06:00:00Z', 71),
        listed(7, '2026-02-20T06:00:00Z'), // sold before the moment
        ended('vehicle_sold', 7, '2026-03-03T12:00:00Z', '2026-02-20T06:00:00Z', 11),
        listed(8, '2026-02-20T06:00:00Z'), // sold at the very moment: gone by then
        ended('vehicle_sold', 8, asOf.toISOString(), '2026-02-20T06:00:00Z', 13),
        listed(9, '2026-03-05T07:00:00Z'), // listed after the moment
        listed(10, '2026-03-02T00:00:00Z'), // listed and removed in the same instant
        ended('vehicle_removed', 10, '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z', 0),
        listed(11, '2026-03-01T06:00:00Z', NEIGHBOUR), // another rooftop's
      ]);

      expect(await engine.inventoryAging([ROOFTOP], asOf, buckets)).toEqual([3, 1, 1, 1]);
      expect(await engine.inventoryAging([ROOFTOP, NEIGHBOUR], asOf, buckets)).toEqual([4, 1, 1, 1]);
      // On 5 February: 2, 3 and 4 were 2, 3 and 2 days old, 6 was 42, 5 was 77; the rest came later.
      expect(await engine.inventoryAging([ROOFTOP], new Date('2026-02-05T06:00:00Z'), buckets)).toEqual([
        3, 1, 1, 0,
      ]);
    });

    it('gives the sales of the period with their median and average days on the lot', async () => {
      await engine.append([
        ended('vehicle_sold', 1, '2026-03-02T15:00:00Z', '2026-02-20T15:00:00Z', 10),
        ended('vehicle_sold', 2, '2026-03-03T15:00:00Z', '2026-02-11T15:00:00Z', 20),
        ended('vehicle_sold', 3, '2026-03-04T15:00:00Z', '2026-01-18T15:00:00Z', 45),
        ended('vehicle_sold', 4, '2026-02-20T15:00:00Z', '2025-11-12T15:00:00Z', 100), // before the period
        {
          ...ended('vehicle_sold', 5, '2026-03-03T15:00:00Z', '2026-02-01T15:00:00Z', 30),
          dealershipId: NEIGHBOUR,
        },
        ended('vehicle_removed', 6, '2026-03-03T15:00:00Z', '2026-02-01T15:00:00Z', 30), // removed is not sold
      ]);

      expect(approx(await engine.daysToSell(period()))).toEqual({
        sold: 3,
        medianDays: 20,
        averageDays: 25,
      });
      expect(
        await engine.daysToSell(
          period({ from: new Date('2026-03-10T05:00:00Z'), to: new Date('2026-03-11T05:00:00Z') }),
        ),
      ).toEqual({
        sold: 0,
        medianDays: null,
        averageDays: null,
      });
    });
  });
}
