import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { EMPTY_EVENT_FIELDS, type AnalyticsEvent } from '@showroom/contracts';
import { analyticsApp, type AnalyticsTestContext } from '../test/analytics-test-app';
import { EXAMPLE_COSTS, EXAMPLE_SETTINGS } from './settings-route-examples';
import { AnalyticsSettingsRepository } from './settings-repository';

const ctx: AnalyticsTestContext = analyticsApp();

/** A fresh dealership and its manager and salesperson, signed in. */
async function rooftop(timeZone = 'America/New_York') {
  const { dealershipId } = ctx.newDealership({ timeZone });
  const manager = await ctx.member('manager', dealershipId);
  const sales = await ctx.member('sales', dealershipId);
  const as = (who: { token: string }) => ({
    get: (path: string) =>
      request(ctx.app).get(path).auth(who.token, { type: 'bearer' }).set('X-Dealership-Id', dealershipId),
    put: (path: string, body: object) =>
      request(ctx.app)
        .put(path)
        .auth(who.token, { type: 'bearer' })
        .set('X-Dealership-Id', dealershipId)
        .send(body),
  });
  return { dealershipId, manager: as(manager), sales: as(sales) };
}

/** A lead arriving from `source` at `occurredAt`. */
const leadCreated = (dealershipId: string, source: string, occurredAt: string): AnalyticsEvent => ({
  ...EMPTY_EVENT_FIELDS,
  id: `leads:${crypto.randomUUID()}`,
  dealershipId,
  type: 'lead_created',
  occurredAt,
  source,
  channel: 'website',
  leadId: crypto.randomUUID(),
});

describe('analytics settings', () => {
  it('when a dealership never saved settings, then everyone on the dashboard reads the defaults', async () => {
    const { sales } = await rooftop();
    const res = await sales.get('/api/analytics/settings').expect(200);
    expect(res.body).toEqual({
      firstResponseTargetMinutes: 15,
      consent: 'implied',
      sampleRate: 1,
      updatedAt: null,
    });
  });

  it('when a manager saves settings, then a salesperson reads them back as saved, the sample rate exactly', async () => {
    const { manager, sales } = await rooftop();
    const saved = await manager
      .put('/api/analytics/settings', { ...EXAMPLE_SETTINGS, sampleRate: 0.37 })
      .expect(200);
    expect(saved.body).toMatchObject({ firstResponseTargetMinutes: 10, consent: 'opt_in', sampleRate: 0.37 });
    const read = await sales.get('/api/analytics/settings').expect(200);
    expect(read.body).toEqual(saved.body);
    expect(Date.parse(read.body.updatedAt)).not.toBeNaN();
  });

  it('when a manager saves twice, then the second replaces the first', async () => {
    const { manager } = await rooftop();
    await manager.put('/api/analytics/settings', EXAMPLE_SETTINGS).expect(200);
    await manager.put('/api/analytics/settings', { ...EXAMPLE_SETTINGS, consent: 'implied' }).expect(200);
    expect((await manager.get('/api/analytics/settings')).body.consent).toBe('implied');
  });

  it('when the sample rate is out of range or a field is unknown, then it is refused naming the field and nothing is stored', async () => {
    const { manager } = await rooftop();
    const zero = await manager
      .put('/api/analytics/settings', { ...EXAMPLE_SETTINGS, sampleRate: 0 })
      .expect(400);
    expect(zero.headers['content-type']).toContain('application/problem+json');
    expect(zero.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['body.sampleRate']);
    const extra = await manager
      .put('/api/analytics/settings', { ...EXAMPLE_SETTINGS, trackEmails: true })
      .expect(400);
    expect(extra.body.invalidParams[0].reason).toContain('trackEmails');
    expect((await manager.get('/api/analytics/settings')).body.updatedAt).toBeNull();
  });

  it('when one dealership saves settings, then another dealership still has its own (the defaults)', async () => {
    const first = await rooftop();
    const second = await rooftop();
    await first.manager.put('/api/analytics/settings', EXAMPLE_SETTINGS).expect(200);
    expect((await second.manager.get('/api/analytics/settings')).body.consent).toBe('implied');
  });

  it('when a salesperson tries to change the settings, then it is refused with 403', async () => {
    const { sales } = await rooftop();
    const res = await sales.put('/api/analytics/settings', EXAMPLE_SETTINGS).expect(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('monthly source costs', () => {
  it('when a manager enters a month’s costs, then that month reads them back and other months stay empty', async () => {
    const { manager } = await rooftop();
    const saved = await manager.put('/api/analytics/source-costs/2026-03', EXAMPLE_COSTS).expect(200);
    expect(saved.body).toEqual({
      month: '2026-03',
      currency: 'USD',
      costs: EXAMPLE_COSTS.costs,
      knownSources: [],
    });
    expect((await manager.get('/api/analytics/source-costs?month=2026-03')).body.costs).toEqual(
      EXAMPLE_COSTS.costs,
    );
    expect((await manager.get('/api/analytics/source-costs?month=2026-04')).body.costs).toEqual([]);
  });

  it('when a month is entered again, then it is replaced: a source left out costs nothing that month', async () => {
    const { manager } = await rooftop();
    await manager.put('/api/analytics/source-costs/2026-03', EXAMPLE_COSTS).expect(200);
    const again = await manager
      .put('/api/analytics/source-costs/2026-03', { costs: [{ source: 'cars.com', costCents: 50_000 }] })
      .expect(200);
    expect(again.body.costs).toEqual([{ source: 'cars.com', costCents: 50_000 }]);
    await manager.put('/api/analytics/source-costs/2026-03', { costs: [] }).expect(200);
    expect((await manager.get('/api/analytics/source-costs?month=2026-03')).body.costs).toEqual([]);
  });

  it('when two sources differ only in case, then both are kept, as the events tell them apart', async () => {
    const { manager } = await rooftop();
    const costs = [
      { source: 'Autotrader', costCents: 1_000 },
      { source: 'autotrader', costCents: 2_000 },
    ];
    const res = await manager.put('/api/analytics/source-costs/2026-05', { costs }).expect(200);
    expect(res.body.costs).toEqual(costs);
  });

  it('offers the sources that sent leads in the dealership’s own month, not the UTC month', async () => {
    const { dealershipId, manager } = await rooftop('America/Los_Angeles');
    await ctx.append([
      // 1 March 07:59 UTC is still 28 February in Los Angeles; 08:00 UTC is March there.
      leadCreated(dealershipId, 'february-only', '2026-03-01T07:59:00Z'),
      leadCreated(dealershipId, 'facebook', '2026-03-01T08:00:00Z'),
      leadCreated(dealershipId, 'autotrader', '2026-03-31T23:00:00Z'),
      // 1 April 06:00 UTC is still 31 March in Los Angeles (UTC−7).
      leadCreated(dealershipId, 'cars.com', '2026-04-01T06:00:00Z'),
      leadCreated(dealershipId, 'april-only', '2026-04-01T07:00:00Z'),
    ]);
    const res = await manager.get('/api/analytics/source-costs?month=2026-03').expect(200);
    expect(res.body.knownSources).toEqual(['autotrader', 'cars.com', 'facebook']);
  });

  it('never offers another dealership’s sources', async () => {
    const ours = await rooftop();
    const theirs = await rooftop();
    await ctx.append([leadCreated(theirs.dealershipId, 'their-marketplace', '2026-06-10T15:00:00Z')]);
    const res = await ours.manager.get('/api/analytics/source-costs?month=2026-06').expect(200);
    expect(res.body.knownSources).toEqual([]);
  });

  it('when one dealership enters costs, then another dealership’s same month is untouched', async () => {
    const first = await rooftop();
    const second = await rooftop();
    await second.manager.put('/api/analytics/source-costs/2026-03', {
      costs: [{ source: 'x', costCents: 1 }],
    });
    await first.manager.put('/api/analytics/source-costs/2026-03', EXAMPLE_COSTS).expect(200);
    const res = await second.manager.get('/api/analytics/source-costs?month=2026-03').expect(200);
    expect(res.body.costs).toEqual([{ source: 'x', costCents: 1 }]);
  });

  it('refuses a month that is not YYYY-MM, a source named twice and a negative cost, naming each field', async () => {
    const { manager } = await rooftop();
    const month = await manager.put('/api/analytics/source-costs/2026-13', EXAMPLE_COSTS).expect(400);
    expect(month.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['month']);
    const query = await manager.get('/api/analytics/source-costs?month=March').expect(400);
    expect(query.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['query.month']);
    const twice = await manager
      .put('/api/analytics/source-costs/2026-03', { costs: [...EXAMPLE_COSTS.costs, EXAMPLE_COSTS.costs[0]] })
      .expect(400);
    expect(twice.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['body.costs']);
    const negative = await manager
      .put('/api/analytics/source-costs/2026-03', { costs: [{ source: 'x', costCents: -5 }] })
      .expect(400);
    expect(negative.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'body.costs.0.costCents',
    ]);
    expect((await manager.get('/api/analytics/source-costs?month=2026-03')).body.costs).toEqual([]);
  });

  it('when the users service is down, then reading a month answers 503 problem, asking to try again', async () => {
    const { manager } = await rooftop();
    ctx.users.down = true;
    try {
      // A dealership not yet in the directory's cache has to be looked up.
      const res = await manager.get('/api/analytics/source-costs?month=2026-03').expect(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      ctx.users.down = false;
    }
  });

  it('a salesperson may not read what the dealership pays its sources', async () => {
    const { sales } = await rooftop();
    await sales.get('/api/analytics/source-costs?month=2026-03').expect(403);
  });
});

describe('demo source costs', () => {
  it('fills an empty month, and never overwrites a month the dealer already entered', async () => {
    const { dealershipId, manager } = await rooftop();
    const repository = new AnalyticsSettingsRepository(ctx.database.writer);
    await manager.put('/api/analytics/source-costs/2026-02', EXAMPLE_COSTS).expect(200);

    expect(
      await repository.fillMonthIfEmpty(dealershipId, '2026-01', [{ source: 'demo', costCents: 100 }]),
    ).toBe(true);
    expect(
      await repository.fillMonthIfEmpty(dealershipId, '2026-02', [{ source: 'demo', costCents: 100 }]),
    ).toBe(false);
    expect(
      await repository.fillMonthIfEmpty(dealershipId, '2026-01', [{ source: 'other', costCents: 5 }]),
    ).toBe(false);

    expect((await manager.get('/api/analytics/source-costs?month=2026-01')).body.costs).toEqual([
      { source: 'demo', costCents: 100 },
    ]);
    expect((await manager.get('/api/analytics/source-costs?month=2026-02')).body.costs).toEqual(
      EXAMPLE_COSTS.costs,
    );
  });
});
