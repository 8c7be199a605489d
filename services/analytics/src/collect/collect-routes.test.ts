import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  MAX_SHOPPER_BATCH_BYTES,
  type AnalyticsEvent,
  type ShopperEventBatch,
  type ShopperEventInput,
} from '@showroom/contracts';
import type { AnalyticsEngine } from '../engine/port';
import { analyticsApp, type AnalyticsTestContext } from '../test/analytics-test-app';
import { ORIGIN_REQUIRED_TITLE } from './public-collection-access';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const publicPath = (dealershipId: string, rest: 'events' | 'collection') =>
  `/api/analytics/public/dealerships/${dealershipId}/${rest}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function batchOf(events: ShopperEventInput[], overrides: Partial<ShopperEventBatch> = {}): ShopperEventBatch {
  return {
    sessionId: randomUUID(),
    source: 'google',
    sampleRate: 1,
    consent: 'implied',
    events,
    ...overrides,
  };
}
const view = (vehicleId = randomUUID()): ShopperEventInput => ({
  type: 'vehicle_view',
  at: minutesAgo(1),
  vehicleId,
});

/** Every event the engine holds for the dealership (the nightly export's read, over the last two days). */
async function storedEvents(ctx: AnalyticsTestContext, dealershipId: string): Promise<AnalyticsEvent[]> {
  const engine = ctx.engine as AnalyticsEngine & {
    eventsBetween(from: Date, to: Date, afterId: string | null, limit: number): Promise<AnalyticsEvent[]>;
  };
  const now = Date.now();
  const all = await engine.eventsBetween(
    new Date(now - 2 * 86_400_000),
    new Date(now + 86_400_000),
    null,
    10_000,
  );
  return all.filter((event) => event.dealershipId === dealershipId);
}

/** A dealership of its own and a shopper's browser on its website. */
function website(ctx: AnalyticsTestContext) {
  const { dealershipId, siteOrigins } = ctx.newDealership();
  const origin = siteOrigins[0] as string;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    request(ctx.app)
      .post(publicPath(dealershipId, 'events'))
      .set({ Origin: origin, 'User-Agent': CHROME, ...headers })
      .send(body as object);
  return { dealershipId, origin, post };
}

describe('shopper events from a dealership’s website', () => {
  const ctx = analyticsApp();

  it('when the site posts a batch, then each event is stored for the dealership with the visit and its weight', async () => {
    const site = website(ctx);
    const vehicleId = randomUUID();
    const batch = batchOf(
      [
        { type: 'search', at: minutesAgo(3), query: 'Tacoma', filters: { make: 'Toyota' }, resultCount: 0 },
        { type: 'vehicle_view', at: minutesAgo(2), vehicleId },
        { type: 'form_start', at: minutesAgo(1), form: 'lead', vehicleId },
      ],
      { source: 'Facebook', sampleRate: 1 },
    );
    const response = await site.post(batch).expect(202);
    expect(response.body).toEqual({ accepted: 3 });
    expect(response.headers['access-control-allow-origin']).toBe(site.origin);

    const stored = await storedEvents(ctx, site.dealershipId);
    expect(stored.map((e) => e.type).sort()).toEqual(['form_start', 'search', 'vehicle_view']);
    for (const event of stored) {
      expect(event).toMatchObject({ sessionId: batch.sessionId, source: 'facebook', weight: 1 });
      expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(stored.find((e) => e.type === 'search')).toMatchObject({
      searchTerms: 'tacoma · make: toyota',
      resultCount: 0,
    });
    expect(stored.find((e) => e.type === 'form_start')).toMatchObject({ form: 'lead', vehicleId });
  });

  it('when the page posts with sendBeacon (text/plain), then the batch is read as JSON all the same', async () => {
    const site = website(ctx);
    await site
      .post(JSON.stringify(batchOf([view(), view()])), { 'Content-Type': 'text/plain;charset=UTF-8' })
      .expect(202, { accepted: 2 });
    expect(await storedEvents(ctx, site.dealershipId)).toHaveLength(2);
  });

  it('when the visit was sampled, then its events weigh 1 / the rate, but no more than the dealership’s own rate allows', async () => {
    const site = website(ctx);
    const manager = await ctx.member('manager', site.dealershipId);
    await request(ctx.app)
      .put('/api/analytics/settings')
      .auth(manager.token, { type: 'bearer' })
      .set('X-Dealership-Id', site.dealershipId)
      .send({ firstResponseTargetMinutes: 15, consent: 'implied', sampleRate: 0.25 })
      .expect(200);
    await site.post(batchOf([view()], { sampleRate: 0.25 })).expect(202, { accepted: 1 });
    await site.post(batchOf([view()], { sampleRate: 0.001 })).expect(202, { accepted: 1 });
    const weights = (await storedEvents(ctx, site.dealershipId)).map((e) => e.weight);
    expect(weights).toEqual([4, 4]);
  });

  it('when a shopper typed an e-mail address, a phone number or a card number into the search, then none of it is stored or logged', async () => {
    const site = website(ctx);
    await site
      .post(
        batchOf(
          [
            {
              type: 'search',
              at: minutesAgo(1),
              query: 'jane.doe@example.com tacoma 555-867-5309',
              filters: { note: '4111111111111111', make: 'Toyota' },
              resultCount: 0,
            },
          ],
          { source: 'jane.doe@example.com' },
        ),
      )
      .expect(202, { accepted: 1 });
    const stored = await storedEvents(ctx, site.dealershipId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ searchTerms: 'tacoma · make: toyota', source: 'direct' });
    const everything = JSON.stringify(stored) + ctx.logLines.join('');
    // Whole pieces of the number, not three digits: log timestamps and ids are full of digit runs.
    for (const personal of ['jane', 'example.com', '555-867', '867-5309', '8675309', '41111111'])
      expect(everything).not.toContain(personal);
  });

  it('when an event is more than a day old, then it is left out, and one stamped in the future counts as now', async () => {
    const site = website(ctx);
    const future = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const response = await site
      .post(
        batchOf([
          { ...view(), at: minutesAgo(25 * 60) },
          { ...view(), at: future },
        ]),
      )
      .expect(202);
    expect(response.body).toEqual({ accepted: 1 });
    const [stored] = await storedEvents(ctx, site.dealershipId);
    expect(Date.parse(stored?.occurredAt ?? '')).toBeLessThanOrEqual(Date.now());
  });

  describe('batches nothing is kept of (answered 202 all the same, so a bot learns nothing)', () => {
    it.each([
      [
        'a crawler',
        { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      ],
      ['a headless browser', { 'User-Agent': CHROME.replace('Chrome/', 'HeadlessChrome/') }],
      ['a caller without a user agent', { 'User-Agent': '' }],
      ['a prefetched page (Sec-Purpose)', { 'Sec-Purpose': 'prefetch;prerender' }],
      ['a prefetched page (Purpose)', { Purpose: 'prefetch' }],
      ['a browser with Global Privacy Control', { 'Sec-GPC': '1' }],
    ])('from %s', async (_who, headers) => {
      const site = website(ctx);
      await site.post(batchOf([view()]), headers).expect(202, { accepted: 0 });
      expect(await storedEvents(ctx, site.dealershipId)).toEqual([]);
    });

    it('under the dealership’s opt-in rule, from a visit whose shopper has not accepted; kept once they have', async () => {
      const site = website(ctx);
      const manager = await ctx.member('manager', site.dealershipId);
      await request(ctx.app)
        .put('/api/analytics/settings')
        .auth(manager.token, { type: 'bearer' })
        .set('X-Dealership-Id', site.dealershipId)
        .send({ firstResponseTargetMinutes: 15, consent: 'opt_in', sampleRate: 1 })
        .expect(200);
      await site.post(batchOf([view()], { consent: 'implied' })).expect(202, { accepted: 0 });
      expect(await storedEvents(ctx, site.dealershipId)).toEqual([]);
      await site.post(batchOf([view()], { consent: 'granted' })).expect(202, { accepted: 1 });
    });
  });

  describe('refused batches', () => {
    it('when a batch is malformed, then it is refused with a problem naming each bad field, and nothing is stored', async () => {
      const site = website(ctx);
      const response = await site
        .post({
          ...batchOf([view()]),
          sampleRate: 0,
          events: [{ type: 'vehicle_view', at: minutesAgo(1), vehicleId: 'not-a-car' }],
        })
        .expect(400);
      expect(response.type).toBe('application/problem+json');
      const names = (response.body.invalidParams as { name: string }[]).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['body.sampleRate', 'body.events.0.vehicleId']));
      expect(await storedEvents(ctx, site.dealershipId)).toEqual([]);
    });

    it('when a batch has more events than a batch may, then the problem names the events field', async () => {
      const site = website(ctx);
      const events = Array.from({ length: 51 }, () => view());
      const response = await site.post(batchOf(events)).expect(400);
      expect(response.body.invalidParams).toEqual([expect.objectContaining({ name: 'body.events' })]);
    });

    it('when the body is over 16 kB, then it is refused with 413 before it is read', async () => {
      const site = website(ctx);
      const padded = { ...batchOf([view()]), source: 'x'.repeat(MAX_SHOPPER_BATCH_BYTES) };
      const response = await site.post(padded).expect(413);
      expect(response.type).toBe('application/problem+json');
    });

    it('when the body is not JSON, then it is refused with a problem', async () => {
      const site = website(ctx);
      const response = await site.post('{"events": [', { 'Content-Type': 'text/plain' }).expect(400);
      expect(response.type).toBe('application/problem+json');
    });
  });

  describe('whose events these are', () => {
    it('when a page on another site posts for this dealership, then it is refused with 403 and nothing is stored', async () => {
      const site = website(ctx);
      const other = website(ctx);
      const response = await request(ctx.app)
        .post(publicPath(site.dealershipId, 'events'))
        .set({ Origin: other.origin, 'User-Agent': CHROME })
        .send(batchOf([view()]))
        .expect(403);
      expect(response.type).toBe('application/problem+json');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(await storedEvents(ctx, site.dealershipId)).toEqual([]);
      expect(await storedEvents(ctx, other.dealershipId)).toEqual([]);
    });

    it('when another site’s browser asks to post here, then the preflight gives it no permission', async () => {
      const site = website(ctx);
      const other = website(ctx);
      const response = await request(ctx.app)
        .options(publicPath(site.dealershipId, 'events'))
        .set({ Origin: other.origin, 'Access-Control-Request-Method': 'POST' })
        .expect(204);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      const own = await request(ctx.app)
        .options(publicPath(site.dealershipId, 'events'))
        .set({ Origin: site.origin, 'Access-Control-Request-Method': 'POST' })
        .expect(204);
      expect(own.headers['access-control-allow-origin']).toBe(site.origin);
    });

    it('when two dealerships’ sites post, then each one’s events are stored under it alone', async () => {
      const first = website(ctx);
      const second = website(ctx);
      await first.post(batchOf([view(), view()])).expect(202);
      await second.post(batchOf([view()])).expect(202);
      expect(await storedEvents(ctx, first.dealershipId)).toHaveLength(2);
      expect(await storedEvents(ctx, second.dealershipId)).toHaveLength(1);
    });

    it('when a script posts a batch without an Origin, then it is refused with 403 saying so, before its body is read, and nothing is stored', async () => {
      const site = website(ctx);
      const withoutOrigin = (body: object) =>
        request(ctx.app)
          .post(publicPath(site.dealershipId, 'events'))
          .set({ 'User-Agent': CHROME })
          .send(body);

      const response = await withoutOrigin(batchOf([view(), view()])).expect(403);
      expect(response.type).toBe('application/problem+json');
      expect(response.body).toMatchObject({ status: 403, title: ORIGIN_REQUIRED_TITLE });
      expect(response.body.detail).toMatch(/dealership’s websites/);
      // Over the 16 kB limit: refused for the missing Origin, not read far enough to be too large.
      const padded = { ...batchOf([view()]), source: 'x'.repeat(MAX_SHOPPER_BATCH_BYTES) };
      await withoutOrigin(padded).expect(403);
      expect(await storedEvents(ctx, site.dealershipId)).toEqual([]);

      await site.post(batchOf([view()])).expect(202, { accepted: 1 });
    });

    it('when a script asks for the collection rules without an Origin, then it is refused with 403 too', async () => {
      const site = website(ctx);
      const response = await request(ctx.app).get(publicPath(site.dealershipId, 'collection')).expect(403);
      expect(response.type).toBe('application/problem+json');
      expect(response.body.title).toBe(ORIGIN_REQUIRED_TITLE);
    });

    it('when no dealership has the id, then it is not found', async () => {
      const unknown = randomUUID();
      const response = await request(ctx.app)
        .post(publicPath(unknown, 'events'))
        .set({ Origin: 'https://www.example.com', 'User-Agent': CHROME })
        .send(batchOf([view()]))
        .expect(404);
      expect(response.type).toBe('application/problem+json');
      await request(ctx.app)
        .get(publicPath(unknown, 'collection'))
        .set('Origin', 'https://www.example.com')
        .expect(404);
    });
  });
});

describe('the collection rules a website asks for', () => {
  const ctx = analyticsApp();

  it('when the dealership saved none, then every visit is counted without a banner; once it asks for opt-in, sites are told', async () => {
    const site = website(ctx);
    const rules = await request(ctx.app)
      .get(publicPath(site.dealershipId, 'collection'))
      .set('Origin', site.origin)
      .expect(200);
    expect(rules.body).toEqual({ consent: 'implied', sampleRate: 1 });
    expect(rules.headers['access-control-allow-origin']).toBe(site.origin);
    expect(rules.headers['cache-control']).toBe('public, max-age=60');

    const manager = await ctx.member('manager', site.dealershipId);
    await request(ctx.app)
      .put('/api/analytics/settings')
      .auth(manager.token, { type: 'bearer' })
      .set('X-Dealership-Id', site.dealershipId)
      .send({ firstResponseTargetMinutes: 20, consent: 'opt_in', sampleRate: 0.5 })
      .expect(200);
    await request(ctx.app)
      .get(publicPath(site.dealershipId, 'collection'))
      .set('Origin', site.origin)
      .expect(200, { consent: 'opt_in', sampleRate: 0.5 });
  });

  it('when the users service is down, then the site is told to try again shortly', async () => {
    const { dealershipId, siteOrigins } = ctx.newDealership();
    ctx.users.down = true;
    try {
      const response = await request(ctx.app)
        .get(publicPath(dealershipId, 'collection'))
        .set('Origin', siteOrigins[0] as string)
        .expect(503);
      expect(response.type).toBe('application/problem+json');
      expect(response.headers['retry-after']).toBeDefined();
    } finally {
      ctx.users.down = false;
    }
  });
});

describe('a flood of batches', () => {
  const ctx = analyticsApp({ env: { COLLECT_RATE_PER_ADDRESS: '3', COLLECT_RATE_WINDOW_SECONDS: '60' } });

  it('when one address posts too often, then it is told when to come back, and what it sent before is kept', async () => {
    const site = website(ctx);
    for (let i = 0; i < 3; i++) await site.post(batchOf([view()])).expect(202);
    const refused = await site.post(batchOf([view()])).expect(429);
    expect(refused.type).toBe('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await storedEvents(ctx, site.dealershipId)).toHaveLength(3);
  });
});

describe('a flood of batches for one dealership', () => {
  const ctx = analyticsApp({ env: { COLLECT_RATE_PER_DEALERSHIP: '2', COLLECT_RATE_WINDOW_SECONDS: '60' } });

  it('when its site sends more than the dealership’s allowance, then the rest is refused while other dealerships go on', async () => {
    const busy = website(ctx);
    const quiet = website(ctx);
    await busy.post(batchOf([view()])).expect(202);
    await busy.post(batchOf([view()])).expect(202);
    await busy.post(batchOf([view()])).expect(429);
    await quiet.post(batchOf([view()])).expect(202, { accepted: 1 });
  });

  it('when a script without an Origin posts again and again, then it spends none of the dealership’s allowance (its shoppers go on)', async () => {
    const site = website(ctx);
    for (let i = 0; i < 5; i++)
      await request(ctx.app)
        .post(publicPath(site.dealershipId, 'events'))
        .set({ 'User-Agent': CHROME })
        .send(batchOf([view()]))
        .expect(403);
    for (let i = 0; i < 2; i++) await site.post(batchOf([view()])).expect(202, { accepted: 1 });
  });
});
