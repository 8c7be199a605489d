import { describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../port';
import { AVERY, event, NEIGHBOUR, uuid } from './fixtures';

/** The warehouse export: a period paged in id order, every event once and as appended. */
export function describeExport(engine: AnalyticsEngine): void {
  describe('the warehouse export', () => {
    it('pages through a period in id order, every event once and as appended, instants in UTC', async () => {
      const day = [
        event('lead_first_response', '2026-03-02T23:00:00+02:00', {
          id: 'leads:3',
          leadId: uuid('lead', 3),
          ...AVERY,
          responseSeconds: 42,
        }),
        event('lead_created', '2026-03-02T00:00:00Z', {
          id: 'leads:1',
          leadId: uuid('lead', 1),
          source: 'cars.com',
          dealershipId: NEIGHBOUR,
        }),
        event('vehicle_sold', '2026-03-02T12:30:00.250Z', {
          id: 'inventory:2',
          vehicleId: uuid('vehicle', 2),
          priceCents: 2_450_000,
          daysOnLot: 12,
          listedAt: '2026-02-18T12:00:00Z',
          make: 'Ford',
          model: 'Bronco',
          year: 2023,
          vehicleCondition: 'used',
        }),
      ];
      const outside = [
        event('lead_created', '2026-03-01T23:59:59.999Z', { id: 'leads:0' }),
        event('lead_created', '2026-03-03T00:00:00Z', { id: 'leads:4' }),
      ];
      await engine.append([...day, ...outside]);
      const from = new Date('2026-03-02T00:00:00Z');
      const to = new Date('2026-03-03T00:00:00Z');

      const firstPage = await engine.eventsBetween(from, to, null, 2);
      const secondPage = await engine.eventsBetween(from, to, firstPage.at(-1)?.id ?? null, 2);
      const thirdPage = await engine.eventsBetween(from, to, secondPage.at(-1)?.id ?? null, 2);

      expect(firstPage).toEqual([
        { ...day[2], occurredAt: '2026-03-02T12:30:00.250Z', listedAt: '2026-02-18T12:00:00.000Z' },
        { ...day[1], occurredAt: '2026-03-02T00:00:00.000Z' },
      ]);
      expect(secondPage).toEqual([{ ...day[0], occurredAt: '2026-03-02T21:00:00.000Z' }]);
      expect(thirdPage).toEqual([]);
    });
  });
}
