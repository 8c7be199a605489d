import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

describe('auth: only valid tokens, and only the right roles', () => {
  let ctx: InventoryTestContext;
  let dealershipId: string;
  const member = () => ({ sub: 'auth0|someone', memberships: [{ dealershipId, role: 'owner' as const }] });
  const listWith = (token: string | undefined) => {
    const req = request(ctx.app).get('/api/inventory/vehicles').set('X-Dealership-Id', dealershipId);
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    ctx = await startInventoryTestApp();
    dealershipId = ctx.newDealership();
  });
  afterAll(() => ctx.close());

  it.each([
    ['no token', async () => undefined],
    ['an expired token', async () => ctx.issuer.tokenFor(member(), { expiresInSeconds: -120 })],
    [
      'a token for another audience',
      async () => ctx.issuer.tokenFor(member(), { audience: 'https://api.elsewhere.dev' }),
    ],
    [
      'a token from another issuer',
      async () => ctx.issuer.tokenFor(member(), { issuer: 'https://evil.example/' }),
    ],
    ['a token signed with an unknown key', async () => ctx.issuer.tokenFor(member(), { foreignKey: true })],
    [
      'an unsigned token (alg none)',
      async () => {
        const [, payload] = (await ctx.issuer.tokenFor(member())).split('.');
        return `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      },
    ],
    ['garbage', async () => 'not-a-jwt'],
  ])('%s gets 401 problem+json', async (_label, makeToken) => {
    const res = await listWith(await makeToken());
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('a token that was accepted is refused once it has expired', async () => {
    // Expired 3 s ago: still inside the 5 s clock tolerance, so accepted (and remembered)...
    const token = await ctx.issuer.tokenFor(member(), { expiresInSeconds: -3 });
    expect((await listWith(token)).status).toBe(200);

    // ...and refused once past it, even though it was remembered.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    expect((await listWith(token)).status).toBe(401);
  });

  it('a viewer can read but not add, edit or delete (403)', async () => {
    const viewer = await ctx.tokenFor('viewer', dealershipId);
    const sales = await ctx.tokenFor('sales', dealershipId);
    const created = await request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(sales, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput());
    const path = `/api/inventory/vehicles/${created.body.id}`;
    const as = (method: 'get' | 'post' | 'patch' | 'delete', p: string) =>
      request(ctx.app)
        [method](p)
        .auth(viewer, { type: 'bearer' })
        .set('X-Dealership-Id', dealershipId)
        .set('If-Match', '"v1"');

    expect((await as('get', path)).status).toBe(200);
    expect((await as('post', '/api/inventory/vehicles').send(vehicleInput())).status).toBe(403);
    expect((await as('patch', path).send({ status: 'sold' })).status).toBe(403);
    const deleted = await as('delete', path);
    expect(deleted.status).toBe(403);
    expect(deleted.body.detail).toBe('Your role (viewer) does not allow inventory:delete.');
  });

  it('a salesperson can edit but not delete', async () => {
    const sales = await ctx.tokenFor('sales', dealershipId);
    const created = await request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(sales, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput());
    const res = await request(ctx.app)
      .delete(`/api/inventory/vehicles/${created.body.id}`)
      .auth(sales, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .set('If-Match', '"v1"');
    expect(res.status).toBe(403);
  });
});
