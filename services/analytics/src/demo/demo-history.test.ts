import { describe, expect, it } from 'vitest';
import { AnalyticsEventSchema, type AnalyticsEvent } from '@showroom/contracts';
import {
  ALL_DEMO_DEALERSHIPS,
  ALL_DEMO_USERS,
  DEMO_DEALERSHIPS,
  DEMO_LOT_SIZE,
  DEMO_MODELS_NOT_STOCKED,
  demoVehicleId,
  generateDemoAnalytics,
  generateDemoVehicles,
  seedFromText,
} from '@showroom/demo-data';

const NOW = new Date('2026-11-20T17:30:00Z');
const DAY_MS = 86_400_000;

describe('the demo analytics history', () => {
  const history = generateDemoAnalytics({ now: NOW });

  it('is the same on every run, every event valid, unique by id, and nothing after now', () => {
    expect(generateDemoAnalytics({ now: NOW })).toEqual(history);
    expect(new Set(history.map((e) => e.id)).size).toBe(history.length);
    for (const event of history) {
      expect(AnalyticsEventSchema.safeParse(event).success, event.id).toBe(true);
      expect(event.id.startsWith('demo:')).toBe(true);
    }
    expect(history.every((e) => Date.parse(e.occurredAt) <= NOW.getTime())).toBe(true);
    // The days' shoppers and leads cover the last 90 days (a buyer of an early sale came in up to three weeks before it).
    const daily = history.filter((e) => /:(lead|visit):\d{4}-\d{2}-\d{2}:/.test(e.id));
    const earliest = Math.min(...daily.map((e) => Date.parse(e.occurredAt)));
    expect(earliest).toBeGreaterThan(NOW.getTime() - 91 * DAY_MS);
    expect(earliest).toBeLessThan(NOW.getTime() - 89 * DAY_MS);
  });

  it('generated three days later, keeps every shared day’s leads and visits at the same moments, and adds the new days', () => {
    const later = generateDemoAnalytics({ now: new Date(NOW.getTime() + 3 * DAY_MS) });
    const before = new Map(history.map((e) => [e.id, e]));
    const daily = later.filter((e) => /:(lead|visit):\d{4}-\d{2}-\d{2}:/.test(e.id) && before.has(e.id));
    expect(daily.length).toBeGreaterThan(10_000);
    for (const event of daily) expect(event.occurredAt, event.id).toBe(before.get(event.id)?.occurredAt);
    expect(later.filter((e) => !before.has(e.id) && e.type === 'lead_created').length).toBeGreaterThan(5);
  });

  it('tells consistent stories: each sale has its lead, its car leaves the lot then, by one of the rooftop’s salespeople', () => {
    const byLead = new Map<string, AnalyticsEvent[]>();
    for (const e of history) if (e.leadId) byLead.set(e.leadId, [...(byLead.get(e.leadId) ?? []), e]);
    const sales = history.filter((e) => e.type === 'lead_sold');
    expect(sales.length).toBeGreaterThan(60);
    for (const sale of sales) {
      const story = byLead.get(sale.leadId as string) ?? [];
      const created = story.find((e) => e.type === 'lead_created');
      expect(created && created.occurredAt < sale.occurredAt, sale.id).toBe(true);
      const carSold = history.find((e) => e.type === 'vehicle_sold' && e.vehicleId === sale.vehicleId);
      expect(carSold?.occurredAt, sale.id).toBe(sale.occurredAt);
      const salespeople = ALL_DEMO_USERS.filter((u) =>
        u.memberships.some((m) => m.dealershipId === sale.dealershipId && m.role === 'sales'),
      ).map((u) => u.id);
      expect(salespeople).toContain(sale.salespersonId);
    }
  });

  it('leaves the seeded lot’s listings to inventory, under the ids inventory gives its demo cars', () => {
    const { downtown } = DEMO_DEALERSHIPS;
    const lot = generateDemoVehicles({
      count: DEMO_LOT_SIZE,
      seed: seedFromText(downtown.slug),
      currentYear: NOW.getUTCFullYear(),
      serialOffset: 0,
    });
    const onLot = new Set(
      lot.filter((car) => car.status !== 'sold').map((car) => demoVehicleId(downtown.id, car.stockNumber)),
    );
    const listed = history.filter((e) => e.type === 'vehicle_listed' && onLot.has(e.vehicleId as string));
    expect(listed).toEqual([]);
    const withListings = generateDemoAnalytics({ now: NOW, dealerships: [downtown], lotListings: true });
    expect(
      withListings.filter((e) => e.type === 'vehicle_listed' && onLot.has(e.vehicleId as string)),
    ).toHaveLength(onLot.size);
    // Shoppers look at those very cars.
    expect(history.some((e) => e.type === 'vehicle_view' && onLot.has(e.vehicleId as string))).toBe(true);
  });

  it('counts a website form’s lead under the traffic source of the visit that sent it, so views and leads share funnel rows', () => {
    const websiteForms = history.filter(
      (e) => e.type === 'lead_created' && e.channel === 'website' && e.source !== 'digital_retailing',
    );
    expect(websiteForms.length).toBeGreaterThan(100);
    const visits = new Map<string, AnalyticsEvent[]>();
    for (const e of history) {
      const leadId = /:lead-visit:([^:]+):/.exec(e.id)?.[1];
      if (leadId) visits.set(leadId, [...(visits.get(leadId) ?? []), e]);
    }
    for (const lead of websiteForms) {
      const visit = visits.get(lead.leadId as string) ?? [];
      expect(
        visit.map((e) => e.type),
        lead.id,
      ).toContain('form_submit');
      expect(new Set(visit.map((e) => e.source)), lead.id).toEqual(new Set([lead.source]));
      expect(lead.source?.startsWith('website:'), lead.id).toBe(false);
    }
    // Lead providers, staff and online deals keep their own source.
    const leadSources = new Set(history.filter((e) => e.type === 'lead_created').map((e) => e.source));
    for (const own of ['cars.com', 'walk_in', 'phone', 'digital_retailing'])
      expect(leadSources).toContain(own);
    for (const dealership of ALL_DEMO_DEALERSHIPS) {
      const of = (type: AnalyticsEvent['type']) =>
        new Set(
          history.filter((e) => e.dealershipId === dealership.id && e.type === type).map((e) => e.source),
        );
      const [viewed, led] = [of('vehicle_view'), of('lead_created')];
      for (const source of ['google', 'direct', 'facebook']) {
        expect(viewed.has(source) && led.has(source), `${dealership.slug} ${source}`).toBe(true);
      }
    }
  });

  it('has shoppers searching for models no demo rooftop stocks, at every rooftop', () => {
    for (const dealership of ALL_DEMO_DEALERSHIPS) {
      const terms = new Set(
        history
          .filter((e) => e.dealershipId === dealership.id && e.type === 'search' && e.resultCount === 0)
          .map((e) => e.searchTerms),
      );
      expect(
        DEMO_MODELS_NOT_STOCKED.filter((model) => terms.has(model)).length,
        dealership.slug,
      ).toBeGreaterThan(3);
    }
  });
});
