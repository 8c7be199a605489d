import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { inventoryAppForTests } from '../test/inventory-test-app';

/** Which token is valid at all; who may call which route is the route matrix's (route-matrix.test.ts). */
describe('auth: only valid tokens', () => {
  const ctx = inventoryAppForTests();
  const member = () => ({
    sub: 'auth0|someone',
    memberships: [{ dealershipId: ctx.dealershipId, role: 'owner' as const }],
  });
  const listWith = (token: string | undefined) => {
    const req = request(ctx.app).get('/api/inventory/vehicles').set('X-Dealership-Id', ctx.dealershipId);
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  };

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
});
