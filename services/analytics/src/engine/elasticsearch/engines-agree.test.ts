import { DEMO_DEALERSHIPS, DEMO_USERS, generateDemoAnalytics } from '@showroom/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../duckdb';
import type { AnalyticsEngine, EventFilter } from '../port';
import { ElasticsearchEngine } from './elasticsearch-engine';
import { FakeElasticsearch } from './test/fake-elasticsearch';

// Beyond the contract suite's hand-made events: the demo dealerships' 90-day history (tens of
// thousands of events: leads round-robined between salespeople, sampled shopper visits, cars
// listed, repriced and sold) stored in both engines, and every report asked of both for several
// periods, scopes, salespeople and time zones. They must give the same answers, row for row.

const NOW = new Date('2026-11-20T17:30:00Z');
const { downtown, northside } = DEMO_DEALERSHIPS;
const DAY = 86_400_000;

/** Doubles rounded to 9 decimals: a weighted sum may differ in its last bit between summation orders. */
function approx<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1e9) / 1e9) as T;
  if (Array.isArray(value)) return value.map(approx) as T;
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, approx(v)])) as T;
  return value;
}

const filters: [string, EventFilter][] = [
  [
    'downtown, last 30 days',
    {
      dealershipIds: [downtown.id],
      from: new Date(NOW.getTime() - 30 * DAY),
      to: NOW,
      timeZone: downtown.timeZone,
    },
  ],
  [
    'downtown, the 30 days before',
    {
      dealershipIds: [downtown.id],
      from: new Date(NOW.getTime() - 60 * DAY),
      to: new Date(NOW.getTime() - 30 * DAY),
      timeZone: downtown.timeZone,
    },
  ],
  [
    'the group, 90 days, in UTC',
    {
      dealershipIds: [downtown.id, northside.id],
      from: new Date(NOW.getTime() - 90 * DAY),
      to: NOW,
      timeZone: 'UTC',
    },
  ],
  [
    'the demo salesperson, 45 days',
    {
      dealershipIds: [downtown.id],
      from: new Date(NOW.getTime() - 45 * DAY),
      to: NOW,
      timeZone: downtown.timeZone,
      salespersonId: DEMO_USERS.sales.id,
    },
  ],
  [
    'the group narrowed to the demo salesperson',
    {
      dealershipIds: [downtown.id, northside.id],
      from: new Date(NOW.getTime() - 90 * DAY),
      to: NOW,
      timeZone: downtown.timeZone,
      salespersonId: DEMO_USERS.sales.id,
    },
  ],
];

describe('the Elasticsearch and DuckDB engines give the same answers over the demo history', () => {
  let duckdb: AnalyticsEngine;
  let elasticsearch: AnalyticsEngine;
  const events = generateDemoAnalytics({ now: NOW, lotListings: true });

  beforeAll(async () => {
    duckdb = new DuckDbEngine({ path: ':memory:' });
    elasticsearch = new ElasticsearchEngine(new FakeElasticsearch().client());
    await Promise.all([duckdb.ready(), elasticsearch.ready()]);
    for (let i = 0; i < events.length; i += 2_000) {
      const batch = events.slice(i, i + 2_000);
      await Promise.all([duckdb.append(batch), elasticsearch.append(batch)]);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([duckdb.close(), elasticsearch.close()]);
  });

  it('the history is big enough to mean something', async () => {
    expect(events.length).toBeGreaterThan(10_000);
    const [, downtownMonth] = filters[0]!;
    expect((await duckdb.leadsAndSalesBySalesperson(downtownMonth)).length).toBeGreaterThan(1);
    expect((await duckdb.noResultSearches(downtownMonth, 50)).length).toBeGreaterThan(1);
    const [, salesperson] = filters[3]!;
    expect((await duckdb.leadsBySourceAndDay(salesperson)).length).toBeGreaterThan(1);
    expect((await duckdb.inventoryAging([downtown.id], NOW, [0, 31, 61, 91])).some((n) => n > 0)).toBe(true);
  });

  it.each(filters)('%s: every report', async (_name, filter) => {
    const ask = (engine: AnalyticsEngine) =>
      Promise.all([
        engine.leadsBySourceAndDay(filter),
        engine.funnelBySource(filter),
        engine.firstResponseBySalesperson(filter, 900),
        engine.firstResponseOverall(filter, 900),
        engine.leadsAndSalesBySource(filter),
        engine.leadsAndSalesBySalesperson(filter),
        engine.daysToSell(filter),
        engine.noResultSearches(filter, 20),
        engine.searchTotals(filter),
        engine.rooftopFigures(filter),
        engine.leadSources(filter),
      ]);

    const [fromDuckdb, fromElasticsearch] = await Promise.all([ask(duckdb), ask(elasticsearch)]);

    expect(approx(fromElasticsearch)).toEqual(approx(fromDuckdb));
  });

  it.each([0, 7, 30, 60, 89])('the lot %i days before the end of the history', async (daysBefore) => {
    const asOf = new Date(NOW.getTime() - daysBefore * DAY);
    const buckets = [0, 31, 61, 91];
    const group = [downtown.id, northside.id];

    expect(await elasticsearch.inventoryAging(group, asOf, buckets)).toEqual(
      await duckdb.inventoryAging(group, asOf, buckets),
    );
  });

  it('the warehouse export of one day, page by page', async () => {
    const from = new Date('2026-11-10T00:00:00Z');
    const to = new Date('2026-11-11T00:00:00Z');
    const pages = async (engine: AnalyticsEngine) => {
      const all = [];
      let after: string | null = null;
      for (;;) {
        const page = await engine.eventsBetween(from, to, after, 97);
        all.push(...page);
        if (page.length < 97) return all;
        after = page.at(-1)?.id ?? null;
      }
    };

    const [fromDuckdb, fromElasticsearch] = await Promise.all([pages(duckdb), pages(elasticsearch)]);

    expect(fromDuckdb.length).toBeGreaterThan(97);
    expect(fromElasticsearch).toEqual(fromDuckdb);
  });
});
