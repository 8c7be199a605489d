import { type AnalyticsEvent } from '@showroom/contracts';
import { describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../port';
import { ROOFTOP, NEIGHBOUR, period, event } from './fixtures';

/** Searches: no-result searches by weighted count with sessions and latest time, and the totals. */
export function describeSearches(engine: AnalyticsEngine): void {
  describe('searches', () => {
    const search = (
      at: string,
      terms: string | null,
      resultCount: number,
      sessionId: string,
      weight = 1,
      dealershipId = ROOFTOP,
    ) =>
      event('search', at, {
        searchTerms: terms,
        resultCount,
        sessionId: `visit-${sessionId.repeat(16)}`,
        weight,
        dealershipId,
        source: 'direct',
      });

    function searches(): AnalyticsEvent[] {
      return [
        search('2026-03-02T18:00:00Z', 'ford bronco', 0, 'a', 2), // a sampled visit: weighs 2
        search('2026-03-03T18:00:00Z', 'ford bronco', 0, 'a'),
        search('2026-03-02T19:00:00Z', 'toyota tacoma', 0, 'b'),
        search('2026-03-03T19:00:00Z', 'toyota tacoma', 0, 'c'),
        search('2026-03-04T19:00:00Z', 'toyota tacoma', 0, 'b'),
        search('2026-03-02T20:00:00Z', 'honda civic', 0, 'd'),
        search('2026-03-02T21:00:00Z', 'mazda cx-5', 4, 'd'), // found cars
        search('2026-03-02T22:00:00Z', null, 0, 'e'), // nothing typed, nothing found
        search('2026-02-20T18:00:00Z', 'toyota tacoma', 0, 'f'), // before the period
        search('2026-03-02T18:00:00Z', 'tesla model y', 0, 'g', 1, NEIGHBOUR),
      ];
    }

    it('lists searches without results by weighted count, then terms, with distinct sessions and the latest time', async () => {
      await engine.append(searches());

      expect(await engine.noResultSearches(period(), 10)).toEqual([
        {
          terms: 'ford bronco',
          searches: 3,
          sessions: 1,
          lastSearchedAt: new Date('2026-03-03T18:00:00Z'),
        },
        {
          terms: 'toyota tacoma',
          searches: 3,
          sessions: 2,
          lastSearchedAt: new Date('2026-03-04T19:00:00Z'),
        },
        {
          terms: 'honda civic',
          searches: 1,
          sessions: 1,
          lastSearchedAt: new Date('2026-03-02T20:00:00Z'),
        },
      ]);
      expect((await engine.noResultSearches(period(), 2)).map((row) => row.terms)).toEqual([
        'ford bronco',
        'toyota tacoma',
      ]);
    });

    it('totals every search and those without results, by weight', async () => {
      await engine.append(searches());

      // All: 2 + 1 + 3 + 1 + 1 (mazda) + 1 (nothing typed) = 9; without results: 9 − 1 = 8.
      expect(await engine.searchTotals(period())).toEqual({ searches: 9, noResultSearches: 8 });
    });
  });
}
