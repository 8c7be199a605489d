import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CloseRateReportSchema,
  FirstResponseReportSchema,
  FunnelReportSchema,
  InventoryAgingReportSchema,
  LeadsBySourceReportSchema,
  NoResultSearchesReportSchema,
  RooftopsReportSchema,
  SourceCostReportSchema,
  type AnalyticsEvent,
  type AnalyticsReportName,
} from '@showroom/contracts';
import {
  DEMO_DEALERSHIPS,
  DEMO_USERS,
  demoAnalyticsMonths,
  demoSourceCosts,
  generateDemoAnalytics,
  type DemoUser,
} from '@showroom/demo-data';
import { analyticsApp } from '../test/analytics-test-app';
import { ExpectedFigures, rounded, type Days } from './expected-figures';

const { downtown, northside, rival } = DEMO_DEALERSHIPS;
const zone = downtown.timeZone;
/** The demo history ends here: the last 30 days of it, compared with the 30 before. */
const NOW = new Date('2026-11-20T17:30:00Z');
const CURRENT: Days = { from: '2026-10-22', to: '2026-11-20', timeZone: zone };
const PREVIOUS: Days = { from: '2026-09-22', to: '2026-10-21', timeZone: zone };
const period = { from: CURRENT.from, to: CURRENT.to };

describe('the dashboard’s reports over the demo history equal the figures worked out from it by hand', () => {
  const ctx = analyticsApp();
  let events: AnalyticsEvent[];
  let managerToken: string;

  const asUser = (user: DemoUser) => ctx.tokenFor(user, [...user.memberships]);
  const report = (
    name: AnalyticsReportName,
    token: string,
    query: Record<string, string>,
    dealershipId: string = downtown.id,
  ) =>
    request(ctx.app)
      .get(`/api/analytics/reports/${name}`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Dealership-Id', dealershipId)
      .query(query);

  beforeAll(async () => {
    events = generateDemoAnalytics({ now: NOW, lotListings: true });
    await ctx.append(events);
    managerToken = await asUser(DEMO_USERS.manager);
    // The manager's target and the months' costs, entered as a dealer does on the settings page.
    await request(ctx.app)
      .put('/api/analytics/settings')
      .set('Authorization', `Bearer ${managerToken}`)
      .set('X-Dealership-Id', downtown.id)
      .send({ firstResponseTargetMinutes: 10, consent: 'implied', sampleRate: 1 })
      .expect(200);
    for (const month of demoAnalyticsMonths(NOW)) {
      await request(ctx.app)
        .put(`/api/analytics/source-costs/${month}`)
        .set('Authorization', `Bearer ${managerToken}`)
        .set('X-Dealership-Id', downtown.id)
        .send({ costs: demoSourceCosts(downtown.id, month) })
        .expect(200);
    }
  });

  const downtownFigures = () => new ExpectedFigures(events, [downtown.id]);

  it('leads by source and day, with each source against the 30 days before', async () => {
    const answer = await report('leads-by-source', managerToken, period).expect(200);
    const body = LeadsBySourceReportSchema.parse(answer.body);
    const expected = downtownFigures();
    const current = expected.leadsBySource(CURRENT);
    const previous = expected.leadsBySource(PREVIOUS);
    expect(body.meta).toEqual({
      from: CURRENT.from,
      to: CURRENT.to,
      previousFrom: PREVIOUS.from,
      previousTo: PREVIOUS.to,
      timeZone: zone,
      dealershipIds: [downtown.id],
      salespersonId: null,
    });
    expect(body.days).toEqual(expected.leadsByDayAndSource(CURRENT));
    expect(Object.fromEntries(body.sources.map((s) => [s.source, s.leads]))).toEqual(
      Object.fromEntries(
        [...new Set([...current.keys(), ...previous.keys()])].map((source) => [
          source,
          { current: current.get(source) ?? 0, previous: previous.get(source) ?? 0 },
        ]),
      ),
    );
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(body.total).toEqual({ current: sum(current), previous: sum(previous) });
    // The demo is busy enough to be worth a chart.
    expect(body.total.current).toBeGreaterThan(100);
  });

  it('the funnel per source, from vehicle views (weighted) to leads, appointments and sales', async () => {
    const body = FunnelReportSchema.parse((await report('funnel', managerToken, period).expect(200)).body);
    const expected = downtownFigures();
    const rows = expected.funnel(CURRENT);
    expect(body.sources).toEqual(rows);
    const total = (list: typeof rows) => ({
      vehicleViews: list.reduce((s, r) => s + r.vehicleViews, 0),
      leads: list.reduce((s, r) => s + r.leads, 0),
      appointments: list.reduce((s, r) => s + r.appointments, 0),
      sold: list.reduce((s, r) => s + r.sold, 0),
    });
    expect(body.total).toEqual(total(rows));
    expect(body.previousTotal).toEqual(total(expected.funnel(PREVIOUS)));
    expect(body.total.sold).toBeGreaterThan(0);
    // One marketing source per row (the port's rule): google's views and the leads its visits sent meet.
    for (const source of ['google', 'direct', 'facebook']) {
      const row = body.sources.find((r) => r.source === source);
      expect(row?.vehicleViews, source).toBeGreaterThan(0);
      expect(row?.leads, source).toBeGreaterThan(0);
    }
  });

  it('first-response times per salesperson and overall, against the dealership’s own 10-minute target', async () => {
    const body = FirstResponseReportSchema.parse(
      (await report('first-response', managerToken, period).expect(200)).body,
    );
    const expected = downtownFigures();
    expect(body.targetMinutes).toBe(10);
    expect(rounded(body.salespeople)).toEqual(rounded(expected.firstResponseBySalesperson(CURRENT, 600)));
    expect(rounded(body.overall)).toEqual(
      rounded(expected.responseTimes(expected.firstResponses(CURRENT), 600)),
    );
    expect(rounded(body.previousOverall)).toEqual(
      rounded(expected.responseTimes(expected.firstResponses(PREVIOUS), 600)),
    );
    // Sofia answers quickly, Sam takes his time: the demo tells that story.
    const [sofia, sam] = [DEMO_USERS.sales.id, DEMO_USERS.sales2.id].map((id) =>
      body.salespeople.find((s) => s.salespersonId === id),
    );
    expect(sofia?.medianSeconds).toBeLessThan(sam?.medianSeconds ?? 0);
  });

  it('close rates per source and per salesperson', async () => {
    const body = CloseRateReportSchema.parse(
      (await report('close-rate', managerToken, period).expect(200)).body,
    );
    const expected = downtownFigures();
    const rate = (leads: number, sold: number) =>
      leads ? Math.round((sold / leads) * 10_000) / 10_000 : null;
    expect(body.sources).toEqual(
      expected.leadsAndSalesBySource(CURRENT).map((r) => ({ ...r, rate: rate(r.leads, r.sold) })),
    );
    expect(body.salespeople).toEqual(
      expected.leadsAndSalesBySalesperson(CURRENT).map((r) => ({ ...r, rate: rate(r.leads, r.sold) })),
    );
    const overall = (days: Days) => {
      const leads = expected.leads(days).length;
      const sold = expected.sold(days).length;
      return { leads, sold, rate: rate(leads, sold) };
    };
    expect(body.overall).toEqual(overall(CURRENT));
    expect(body.previousOverall).toEqual(overall(PREVIOUS));
  });

  it('cost per lead and per sale, each month’s cost prorated over the period’s days in it', async () => {
    const body = SourceCostReportSchema.parse(
      (await report('source-costs', managerToken, period).expect(200)).body,
    );
    const expected = downtownFigures();
    // 22–31 October is 10 of October's 31 days; 1–20 November is 20 of November's 30.
    const october = new Map(demoSourceCosts(downtown.id, '2026-10').map((c) => [c.source, c.costCents]));
    const november = new Map(demoSourceCosts(downtown.id, '2026-11').map((c) => [c.source, c.costCents]));
    const figures = new Map(expected.leadsAndSalesBySource(CURRENT).map((r) => [r.source, r]));
    for (const row of body.sources) {
      const cost = Math.round(
        ((october.get(row.source) ?? 0) * 10) / 31 + ((november.get(row.source) ?? 0) * 20) / 30,
      );
      const { leads, sold } = figures.get(row.source) ?? { leads: 0, sold: 0 };
      expect(row, row.source).toEqual({
        source: row.source,
        costCents: cost,
        leads,
        sold,
        costPerLeadCents: leads ? Math.round(cost / leads) : null,
        costPerSaleCents: sold ? Math.round(cost / sold) : null,
      });
    }
    expect(body.sources.map((r) => r.source).sort()).toEqual(
      [...new Set([...october.keys(), ...figures.keys()])].sort(),
    );
    expect(body.sources[0]?.source).toBe('cars.com');
    const totalCost = body.sources.reduce((s, r) => s + r.costCents, 0);
    expect(body.total.costCents).toBe(totalCost);
    expect(body.total.costPerLeadCents).toBe(Math.round(totalCost / expected.leads(CURRENT).length));
    expect(body.meta.salespersonId).toBeNull();
  });

  it('the lot by age at the end of the period, and how long the cars sold in it took', async () => {
    const body = InventoryAgingReportSchema.parse(
      (await report('inventory-aging', managerToken, period).expect(200)).body,
    );
    const expected = downtownFigures();
    // The end of 20 November in Columbus (EST): 05:00 UTC on the 21st.
    expect(body.buckets.map((b) => b.vehicles)).toEqual(expected.aging(new Date('2026-11-21T05:00:00Z')));
    expect(body.buckets.reduce((s, b) => s + b.vehicles, 0)).toBeGreaterThan(40);
    expect(rounded(body.daysToSell)).toEqual(rounded(expected.daysToSell(CURRENT)));
    expect(rounded(body.previousDaysToSell)).toEqual(rounded(expected.daysToSell(PREVIOUS)));
  });

  it('what shoppers searched for and the lot lacked, most searched first', async () => {
    const body = NoResultSearchesReportSchema.parse(
      (await report('no-result-searches', managerToken, period).expect(200)).body,
    );
    const expected = downtownFigures();
    const current = expected.searches(CURRENT);
    const previous = expected.searches(PREVIOUS);
    expect(body.searches).toEqual(current.list.slice(0, 50));
    expect(body.totalSearches).toEqual({ current: current.total, previous: previous.total });
    expect(body.noResultSearches).toEqual({ current: current.noResults, previous: previous.noResults });
    expect(body.searches.map((s) => s.terms)).toContain('ford bronco');
  });

  it('the group view: an owner sees both of the group’s rooftops, named, and never the rival', async () => {
    const ownerToken = await asUser(DEMO_USERS.owner);
    const body = RooftopsReportSchema.parse(
      (await report('rooftops', ownerToken, { ...period, scope: 'group' }).expect(200)).body,
    );
    expect(body.meta.dealershipIds).toEqual([downtown.id, northside.id]);
    const expected = (id: string, days: Days) => new ExpectedFigures(events, [id]).rooftop(days);
    const rows = [downtown, northside].map((d) => {
      const now = expected(d.id, CURRENT);
      const before = expected(d.id, PREVIOUS);
      return {
        dealershipId: d.id,
        dealershipName: d.name,
        vehicleViews: now.vehicleViews,
        leads: { current: now.leads, previous: before.leads },
        sold: { current: now.sold, previous: before.sold },
        medianFirstResponseSeconds: now.medianFirstResponseSeconds,
      };
    });
    expect(rounded(body.rooftops)).toEqual(rounded(rows.sort((a, b) => b.leads.current - a.leads.current)));
    expect(JSON.stringify(body)).not.toContain(rival.id);

    // Every other report takes the group too: its leads are both rooftops' together.
    const leads = LeadsBySourceReportSchema.parse(
      (await report('leads-by-source', ownerToken, { ...period, scope: 'group' }).expect(200)).body,
    );
    expect(leads.total.current).toBe(
      new ExpectedFigures(events, [downtown.id, northside.id]).leads(CURRENT).length,
    );
  });

  it('a salesperson sees only their own figures, whatever they leave out of the query', async () => {
    const sofia = DEMO_USERS.sales;
    const token = await asUser(sofia);
    const mine = new ExpectedFigures(events, [downtown.id], sofia.id);
    const leads = LeadsBySourceReportSchema.parse(
      (await report('leads-by-source', token, period).expect(200)).body,
    );
    expect(leads.meta.salespersonId).toBe(sofia.id);
    expect(leads.days).toEqual(mine.leadsByDayAndSource(CURRENT));
    expect(leads.total.current).toBeLessThan(downtownFigures().leads(CURRENT).length);

    const close = CloseRateReportSchema.parse((await report('close-rate', token, period).expect(200)).body);
    expect(close.salespeople.map((s) => s.salespersonId)).toEqual([sofia.id]);
    expect(close.overall.sold).toBe(mine.sold(CURRENT).length);

    const responses = FirstResponseReportSchema.parse(
      (await report('first-response', token, period).expect(200)).body,
    );
    expect(responses.salespeople.map((s) => s.salespersonId)).toEqual([sofia.id]);
    expect(rounded(responses.overall)).toEqual(
      rounded(mine.responseTimes(mine.firstResponses(CURRENT), 600)),
    );

    // Naming herself is the same as naming no one.
    const named = await report('leads-by-source', token, { ...period, salespersonId: sofia.id }).expect(200);
    expect(named.body).toEqual(leads);
  });

  it('a manager narrows to one salesperson, and a viewer at northside sees everyone’s there', async () => {
    const sam = DEMO_USERS.sales2;
    const narrowed = LeadsBySourceReportSchema.parse(
      (await report('leads-by-source', managerToken, { ...period, salespersonId: sam.id }).expect(200)).body,
    );
    expect(narrowed.meta.salespersonId).toBe(sam.id);
    expect(narrowed.total.current).toBe(
      new ExpectedFigures(events, [downtown.id], sam.id).leads(CURRENT).length,
    );

    const viewerToken = await asUser(DEMO_USERS.viewer);
    const seen = LeadsBySourceReportSchema.parse(
      (await report('leads-by-source', viewerToken, period, northside.id).expect(200)).body,
    );
    expect(seen.meta).toMatchObject({ dealershipIds: [northside.id], salespersonId: null });
    expect(seen.total.current).toBe(new ExpectedFigures(events, [northside.id]).leads(CURRENT).length);
  });

  it('without comparison, the previous figures are null', async () => {
    const body = LeadsBySourceReportSchema.parse(
      (await report('leads-by-source', managerToken, { ...period, compare: 'none' }).expect(200)).body,
    );
    expect(body.meta).toMatchObject({ previousFrom: null, previousTo: null });
    expect(body.total.previous).toBeNull();
    expect(body.sources.every((s) => s.leads.previous === null)).toBe(true);
  });

  it('a rooftop’s report never includes another dealership’s events', async () => {
    const rivalOwner = await asUser(DEMO_USERS.rivalOwner);
    const theirs = LeadsBySourceReportSchema.parse(
      (await report('leads-by-source', rivalOwner, period, rival.id).expect(200)).body,
    );
    expect(theirs.total.current).toBe(new ExpectedFigures(events, [rival.id]).leads(CURRENT).length);
    // Asking for the group from a dealership outside any group: the rival's own rooftop, nothing else.
    const group = RooftopsReportSchema.parse(
      (await report('rooftops', rivalOwner, { ...period, scope: 'group' }, rival.id).expect(200)).body,
    );
    expect(group.rooftops.map((r) => r.dealershipId)).toEqual([rival.id]);
    // And the rival's owner cannot act for downtown at all.
    await report('leads-by-source', rivalOwner, period, downtown.id).expect(403);
  });
});
