import { type AnalyticsEvent } from '@showroom/contracts';
import { describe, expect, it } from 'vitest';
import { AnalyticsInputError } from '../engine-errors';
import type { AnalyticsEngine } from '../port';
import { period, event, arrival } from './fixtures';

/**
 * Storing: a redelivered or repeated id is kept once (the first copy), a bad batch is refused
 * whole, search text is plain text, appends racing reports lose nothing.
 */
export function describeStoring(engine: AnalyticsEngine): void {
  describe('storing events', () => {
    it('when a producer redelivers a batch, then each event is still counted once', async () => {
      const batch = [arrival('2026-03-02T16:00:00Z'), arrival('2026-03-03T16:00:00Z', 'facebook')];

      await engine.append(batch);
      await engine.append(batch);

      expect(await engine.leadsBySourceAndDay(period())).toEqual([
        { day: '2026-03-02', source: 'cars.com', leads: 1 },
        { day: '2026-03-03', source: 'facebook', leads: 1 },
      ]);
    });

    it('when one id comes twice, in a batch and again later, then the first copy is the one kept', async () => {
      const first = arrival('2026-03-02T16:00:00Z', 'cars.com');

      await engine.append([first, { ...first, source: 'facebook' }]);
      await engine.append([{ ...first, source: 'google' }]);

      expect(await engine.leadSources(period())).toEqual(['cars.com']);
      expect(await engine.leadsBySourceAndDay(period())).toEqual([
        { day: '2026-03-02', source: 'cars.com', leads: 1 },
      ]);
    });

    it('when a batch is empty, then nothing changes', async () => {
      await engine.append([]);

      expect(await engine.leadsBySourceAndDay(period())).toEqual([]);
      expect(await engine.rooftopFigures(period())).toEqual([]);
    });

    it('when one event of a batch is malformed, then the whole batch is refused and the engine keeps answering', async () => {
      const good = arrival('2026-03-02T16:00:00Z');
      const badTime = { ...arrival('2026-03-02T17:00:00Z'), occurredAt: 'yesterday afternoon' };
      const badWeight = { ...arrival('2026-03-02T18:00:00Z'), weight: Number.NaN };
      const noId = { ...arrival('2026-03-02T19:00:00Z'), id: null } as unknown as AnalyticsEvent;

      await expect(engine.append([good, badTime])).rejects.toThrow(AnalyticsInputError);
      await expect(engine.append([good, badWeight])).rejects.toThrow(/weight/);
      await expect(engine.append([noId])).rejects.toThrow(/id is required/);
      expect(await engine.leadsBySourceAndDay(period())).toEqual([]);

      await engine.append([good]);
      expect(await engine.leadsBySourceAndDay(period())).toEqual([
        { day: '2026-03-02', source: 'cars.com', leads: 1 },
      ]);
    });

    it('when search text looks like a query language, then it is stored and reported as plain text', async () => {
      const terms = `o'reilly "tacoma"; DROP TABLE events; -- \\ % _ *`;
      await engine.append([
        event('search', '2026-03-02T16:00:00Z', {
          searchTerms: terms,
          resultCount: 0,
          sessionId: 'visit-eeeeeeeeeeeeeeee',
        }),
      ]);

      const [row] = await engine.noResultSearches(period(), 10);

      expect(row?.terms).toBe(terms);
      expect(await engine.searchTotals(period())).toEqual({ searches: 1, noResultSearches: 1 });
    });

    it('when batches are appended while reports are asked, then every event is kept and every answer is whole', async () => {
      const batches = Array.from({ length: 12 }, (_, b) =>
        Array.from({ length: 25 }, (_, i) =>
          arrival(`2026-03-03T${String(10 + (i % 10)).padStart(2, '0')}:00:00Z`, `source-${b % 3}`),
        ),
      );

      const work = await Promise.all(
        batches.flatMap((batch) => [engine.append(batch), engine.leadsAndSalesBySource(period())]),
      );

      for (const answer of work)
        if (answer) expect(answer.reduce((sum, row) => sum + row.leads, 0) % 25).toBe(0);
      expect(await engine.leadsAndSalesBySource(period())).toEqual([
        { source: 'source-0', leads: 100, sold: 0 },
        { source: 'source-1', leads: 100, sold: 0 },
        { source: 'source-2', leads: 100, sold: 0 },
      ]);
    });
  });
}
