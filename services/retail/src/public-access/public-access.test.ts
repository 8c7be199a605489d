import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEMO_DEALERSHIPS } from '@showroom/demo-data';
import { demoSiteOriginOf } from '../test/peer-stand-ins';
import { retailAppOnDemo } from '../test/retail-test-app';

const { downtown, northside, rival } = DEMO_DEALERSHIPS;
const publicPath = (dealershipId: string, rest: string) =>
  `/api/retail/public/dealerships/${dealershipId}/${rest}`;
const downtownSite = demoSiteOriginOf(downtown.slug);

describe('a dealership website calling the public retail routes', () => {
  const ctx = retailAppOnDemo();

  it('when the page is on one of the dealership’s websites, then the browser may read the answer', async () => {
    const response = await request(ctx.app)
      .get(publicPath(downtown.id, 'terms'))
      .set('Origin', downtownSite)
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBe(downtownSite);
    expect(response.headers['access-control-expose-headers']).toContain('ETag');
    expect(response.body.dealershipId).toBe(downtown.id);
  });

  it('when the page is on another dealership’s website, then the call is refused with 403', async () => {
    const response = await request(ctx.app)
      .get(publicPath(downtown.id, 'terms'))
      .set('Origin', demoSiteOriginOf(rival.slug))
      .expect(403);
    expect(response.type).toBe('application/problem+json');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when a server calls without an Origin, then it is answered (the rate limit still counts it)', async () => {
    await request(ctx.app).get(publicPath(downtown.id, 'terms')).expect(200);
  });

  it('when no dealership has the id, then it is not found, with or without an Origin', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const withOrigin = await request(ctx.app)
      .get(publicPath(unknown, 'terms'))
      .set('Origin', downtownSite)
      .expect(404);
    expect(withOrigin.type).toBe('application/problem+json');
    await request(ctx.app).get(publicPath(unknown, 'terms')).expect(404);
  });

  it('when a body is larger than a public route takes, then it is refused with 413 before anything else', async () => {
    const response = await request(ctx.app)
      .post(publicPath(downtown.id, 'quotes'))
      .set('Origin', downtownSite)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ vehicleId: 'x', padding: 'x'.repeat(70 * 1024) }))
      .expect(413);
    expect(response.type).toBe('application/problem+json');
  });

  it('when the users service is down, then the website is told to try again shortly', async () => {
    const dealership = ctx.newDealership();
    ctx.peers.down.add('users');
    try {
      const response = await request(ctx.app)
        .get(publicPath(dealership.dealershipId, 'terms'))
        .set('Origin', dealership.siteOrigins[0] as string)
        .expect(503);
      expect(response.headers['retry-after']).toBeDefined();
    } finally {
      ctx.peers.down.delete('users');
    }
  });

  describe('preflights', () => {
    it('from one of the dealership’s websites, let the browser send the deal headers', async () => {
      const response = await request(ctx.app)
        .options(publicPath(downtown.id, 'deals'))
        .set('Origin', downtownSite)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,x-deal-access')
        .expect(204);
      expect(response.headers['access-control-allow-origin']).toBe(downtownSite);
      expect(response.headers['access-control-allow-methods']).toBe('GET, POST, PUT');
      expect(response.headers['access-control-allow-headers']).toBe(
        'Content-Type, X-Deal-Access, Idempotency-Key',
      );
    });

    it('from another dealership’s website, give the browser no permission', async () => {
      const response = await request(ctx.app)
        .options(publicPath(downtown.id, 'deals'))
        .set('Origin', demoSiteOriginOf(rival.slug))
        .set('Access-Control-Request-Method', 'POST')
        .expect(204);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('for an id no dealership has, answer 404', async () => {
      await request(ctx.app)
        .options(publicPath('00000000-0000-4000-8000-000000000000', 'deals'))
        .set('Origin', downtownSite)
        .set('Access-Control-Request-Method', 'POST')
        .expect(404);
    });

    it('ask the users service once for a dealership however many come', async () => {
      const before = ctx.peers.requestsTo('users').length;
      for (let i = 0; i < 3; i++) {
        await request(ctx.app)
          .options(publicPath(northside.id, 'deals/x'))
          .set('Origin', demoSiteOriginOf(northside.slug))
          .set('Access-Control-Request-Method', 'PUT')
          .expect(204);
      }
      const asked = ctx.peers.requestsTo('users').slice(before);
      expect(asked.map((r) => r.path)).toEqual([
        `/api/users/internal/dealerships/${northside.id}/storefront`,
      ]);
      expect(asked[0]?.scopes).toContain('read:dealerships');
    });
  });
});

describe('public retail rate limits', () => {
  const ctx = retailAppOnDemo({ env: { PUBLIC_RATE_PER_ADDRESS: '3', PUBLIC_RATE_WINDOW_SECONDS: '60' } });

  it('when one address calls too often, then it is told when to come back, and its preflights still pass', async () => {
    const dealership = ctx.newDealership();
    const origin = dealership.siteOrigins[0] as string;
    for (let i = 0; i < 3; i++) {
      await request(ctx.app)
        .get(publicPath(dealership.dealershipId, 'terms'))
        .set('Origin', origin)
        .expect(200);
    }
    const refused = await request(ctx.app)
      .get(publicPath(dealership.dealershipId, 'terms'))
      .set('Origin', origin)
      .expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.type).toBe('application/problem+json');
    await request(ctx.app)
      .options(publicPath(dealership.dealershipId, 'quotes'))
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
  });
});
