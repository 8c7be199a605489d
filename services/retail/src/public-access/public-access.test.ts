import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEMO_DEALERSHIPS } from '@showroom/demo-data';
import { demoSiteOriginOf } from '../test/peer-stand-ins';
import { retailAppOnDemo } from '../test/retail-test-app';

const downtown = DEMO_DEALERSHIPS.downtown;
const dealPath = (dealershipId: string) => `/api/retail/public/dealerships/${dealershipId}/deals`;

describe('a dealership website’s preflight to the public retail routes', () => {
  const ctx = retailAppOnDemo();

  it('when the page is on one of the dealership’s websites, then the browser may send the deal headers', async () => {
    const origin = demoSiteOriginOf(downtown.slug);
    const response = await request(ctx.app)
      .options(dealPath(downtown.id))
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-deal-access')
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
    expect(response.headers['access-control-allow-methods']).toBe('GET, POST, PUT');
    expect(response.headers['access-control-allow-headers']).toBe(
      'Content-Type, X-Deal-Access, Idempotency-Key',
    );
  });

  it('when the page is on another dealership’s website, then the browser is given no permission', async () => {
    const response = await request(ctx.app)
      .options(dealPath(downtown.id))
      .set('Origin', demoSiteOriginOf(DEMO_DEALERSHIPS.rival.slug))
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when no dealership has the id, then it is not found', async () => {
    const response = await request(ctx.app)
      .options(dealPath('00000000-0000-4000-8000-000000000000'))
      .set('Origin', demoSiteOriginOf(downtown.slug))
      .set('Access-Control-Request-Method', 'POST')
      .expect(404);
    expect(response.type).toBe('application/problem+json');
  });

  it('asks the users service once for a dealership however many preflights come', async () => {
    const before = ctx.peers.requestsTo('users').length;
    for (let i = 0; i < 3; i++) {
      await request(ctx.app)
        .options(`${dealPath(DEMO_DEALERSHIPS.northside.id)}/x`)
        .set('Origin', demoSiteOriginOf(DEMO_DEALERSHIPS.northside.slug))
        .set('Access-Control-Request-Method', 'PUT')
        .expect(204);
    }
    const asked = ctx.peers.requestsTo('users').slice(before);
    expect(asked.map((r) => r.path)).toEqual([
      `/api/users/internal/dealerships/${DEMO_DEALERSHIPS.northside.id}/storefront`,
    ]);
    expect(asked[0]?.scopes).toContain('read:dealerships');
  });
});
