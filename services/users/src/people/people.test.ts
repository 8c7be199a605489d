import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEMO_DEALERSHIPS, DEMO_USERS } from '@showroom/demo-data';
import { seedDemoTenants } from '../demo/seed-demo-tenants';
import { usersAppOnDemoTenants } from '../test/users-test-app';

describe('people: who a user is and where they work', () => {
  const ctx = usersAppOnDemoTenants();

  const tokenOf = (user: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) =>
    ctx.issuer.tokenFor({ sub: user.id, memberships: [...user.memberships] });

  it('when the group owner asks who they are, then both rooftops come back with owner permissions', async () => {
    const res = await request(ctx.app)
      .get('/api/users/me')
      .auth(await tokenOf(DEMO_USERS.owner), { type: 'bearer' });

    expect(res.status).toBe(200);
    expect(res.body.email).toBe('owner@demo.showroom.dev');
    expect(res.body.memberships.map((m: { dealership: { name: string } }) => m.dealership.name)).toEqual([
      'Demo Motors Downtown',
      'Demo Motors Northside',
    ]);
    expect(res.body.memberships[0].role).toBe('owner');
    expect(res.body.memberships[0].permissions).toContain('inventory:delete');
    expect(res.body.memberships[0].dealership.dealerGroupName).toBe('Demo Motor Group');
  });

  it('when a viewer lists their dealerships, then only their own rooftop is listed', async () => {
    const res = await request(ctx.app)
      .get('/api/users/dealerships')
      .auth(await tokenOf(DEMO_USERS.viewer), { type: 'bearer' });

    expect(res.status).toBe(200);
    expect(res.body.items.map((d: { id: string }) => d.id)).toEqual([DEMO_DEALERSHIPS.northside.id]);
  });

  it('when the rival owner lists dealerships, then no Demo Motor Group rooftop leaks', async () => {
    const res = await request(ctx.app)
      .get('/api/users/dealerships')
      .auth(await tokenOf(DEMO_USERS.rivalOwner), { type: 'bearer' });

    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].name).toBe('Rival Autos');
  });

  it('when an account has no Showroom profile, then /me answers 404 problem+json', async () => {
    const token = await ctx.issuer.tokenFor({ sub: 'auth0|stranger', memberships: [] });
    const res = await request(ctx.app).get('/api/users/me').auth(token, { type: 'bearer' });

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('https://showroom.dev/problems/not-found');
  });

  it('when the identity provider asks with the right scope, then it gets the memberships for the token', async () => {
    const token = await ctx.issuer.machineToken('showroom-actions', ['read:memberships']);
    const res = await request(ctx.app)
      .get(`/api/users/internal/users/${encodeURIComponent(DEMO_USERS.owner.id)}/memberships`)
      .auth(token, { type: 'bearer' });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: DEMO_USERS.owner.id,
      memberships: [
        { dealershipId: DEMO_DEALERSHIPS.downtown.id, role: 'owner' },
        { dealershipId: DEMO_DEALERSHIPS.northside.id, role: 'owner' },
      ],
    });
  });

  it('when a finance manager signs in, then their token gets the finance role, and /me lists credit applications among its permissions', async () => {
    const token = await ctx.issuer.machineToken('showroom-actions', ['read:memberships']);
    const claims = await request(ctx.app)
      .get(`/api/users/internal/users/${encodeURIComponent(DEMO_USERS.finance.id)}/memberships`)
      .auth(token, { type: 'bearer' });
    expect(claims.body.memberships).toEqual([
      { dealershipId: DEMO_DEALERSHIPS.downtown.id, role: 'finance' },
    ]);

    const me = await request(ctx.app)
      .get('/api/users/me')
      .auth(await tokenOf(DEMO_USERS.finance), { type: 'bearer' });
    expect(me.status).toBe(200);
    expect(me.body.memberships[0]).toMatchObject({ role: 'finance' });
    expect(me.body.memberships[0].permissions).toEqual(expect.arrayContaining(['credit:read', 'deals:work']));
    expect(me.body.memberships[0].permissions).not.toContain('retail:configure');
  });

  it('when the inventory service reads the directory, then every rooftop comes with its group', async () => {
    const token = await ctx.issuer.machineToken('showroom-services', ['read:dealerships']);
    const res = await request(ctx.app).get('/api/users/internal/dealerships').auth(token, { type: 'bearer' });

    expect(res.status).toBe(200);
    const byId = new Map(
      (res.body.items as Array<{ id: string; name: string; dealerGroupId: string | null }>).map((d) => [
        d.id,
        d,
      ]),
    );
    expect(byId.get(DEMO_DEALERSHIPS.downtown.id)?.dealerGroupId).toBe(
      byId.get(DEMO_DEALERSHIPS.northside.id)?.dealerGroupId,
    );
    expect(byId.get(DEMO_DEALERSHIPS.downtown.id)?.dealerGroupId).not.toBeNull();
    expect(byId.get(DEMO_DEALERSHIPS.rival.id)?.dealerGroupId).toBeNull();
  });

  it('when a service without the directory scope asks, then it is refused', async () => {
    const token = await ctx.issuer.machineToken('showroom-services', ['read:team']);
    const res = await request(ctx.app).get('/api/users/internal/dealerships').auth(token, { type: 'bearer' });
    expect(res.status).toBe(403);
  });

  it('when seeding runs twice, then the demo tenants are not duplicated', async () => {
    await seedDemoTenants(ctx.database.writer);
    const count = await ctx.database.writer
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(14);
  });
});
