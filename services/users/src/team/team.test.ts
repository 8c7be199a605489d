import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { TeamListSchema, TeamMemberSchema } from '@showroom/contracts';
import { DEMO_DEALERSHIPS, DEMO_USERS } from '@showroom/demo-data';
import {
  expectMarkAwayRefused,
  getTeam,
  markAway,
  putAvailability,
  storedAvailability,
  tokenOf,
} from '../test/team-requests';
import { seedDemoTenants } from '../demo/seed-demo-tenants';
import { usersAppOnDemoTenants } from '../test/users-test-app';

const { downtown, northside } = DEMO_DEALERSHIPS;

describe('team: who works at the dealership, and who takes new leads', () => {
  const ctx = usersAppOnDemoTenants();

  it('when a salesperson lists the team, then every member of their rooftop comes back by name, all available', async () => {
    const res = await getTeam(ctx, DEMO_USERS.sales, downtown.id);

    expect(res.status).toBe(200);
    expect(TeamListSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.items).toEqual([
      {
        id: DEMO_USERS.finance.id,
        name: 'Fiona Finance',
        email: 'finance@demo.showroom.dev',
        role: 'finance',
        available: true,
      },
      {
        id: DEMO_USERS.manager.id,
        name: 'Marcus Manager',
        email: 'manager@demo.showroom.dev',
        role: 'manager',
        available: true,
      },
      {
        id: DEMO_USERS.owner.id,
        name: 'Olivia Owner',
        email: 'owner@demo.showroom.dev',
        role: 'owner',
        available: true,
      },
      {
        id: DEMO_USERS.sales2.id,
        name: 'Sam Seller',
        email: 'sales2@demo.showroom.dev',
        role: 'sales',
        available: true,
      },
      {
        id: DEMO_USERS.sales.id,
        name: 'Sofia Sales',
        email: 'sales@demo.showroom.dev',
        role: 'sales',
        available: true,
      },
    ]);
  });

  it('when a viewer lists the team, then they may, and see only their rooftop', async () => {
    const res = await getTeam(ctx, DEMO_USERS.viewer, northside.id);

    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { name: string; role: string }) => `${m.name} (${m.role})`)).toEqual([
      'Felix Fischer (finance)',
      'Nadia Novak (sales)',
      'Noah Newman (sales)',
      'Olivia Owner (owner)',
      'Victor Viewer (viewer)',
    ]);
  });

  it('every demo rooftop has at least two salespeople, all available', async () => {
    for (const [dealership, member] of [
      [downtown, DEMO_USERS.owner],
      [northside, DEMO_USERS.owner],
      [DEMO_DEALERSHIPS.rival, DEMO_USERS.rivalOwner],
    ] as const) {
      const { body } = await getTeam(ctx, member, dealership.id);
      const sales = body.items.filter((m: { role: string }) => m.role === 'sales');
      expect(sales.length, dealership.name).toBeGreaterThanOrEqual(2);
      expect(sales.every((m: { available: boolean }) => m.available)).toBe(true);
    }
  });

  it('when a salesperson goes on holiday and comes back, then their availability is stored and listed', async () => {
    const away = await markAway(ctx, DEMO_USERS.sales, downtown.id, DEMO_USERS.sales.id);
    expect(away.status).toBe(200);
    expect(TeamMemberSchema.parse(away.body)).toEqual({
      id: DEMO_USERS.sales.id,
      name: 'Sofia Sales',
      email: 'sales@demo.showroom.dev',
      role: 'sales',
      available: false,
    });
    expect(await storedAvailability(ctx, DEMO_USERS.sales.id, downtown.id)).toBe(0);
    const listed = await getTeam(ctx, DEMO_USERS.manager, downtown.id);
    expect(listed.body.items.find((m: { id: string }) => m.id === DEMO_USERS.sales.id).available).toBe(false);

    // Saying it twice is fine (the row does not change the second time).
    const again = await markAway(ctx, DEMO_USERS.sales, downtown.id, DEMO_USERS.sales.id);
    expect(again.status).toBe(200);

    const back = await putAvailability(ctx, DEMO_USERS.sales, downtown.id, DEMO_USERS.sales.id, {
      available: true,
    });
    expect(back.body.available).toBe(true);
    expect(await storedAvailability(ctx, DEMO_USERS.sales.id, downtown.id)).toBe(1);
  });

  it('when a manager marks a salesperson away, then it is allowed (team:manage)', async () => {
    const res = await markAway(ctx, DEMO_USERS.manager, downtown.id, DEMO_USERS.sales2.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: DEMO_USERS.sales2.id, available: false });
    await putAvailability(ctx, DEMO_USERS.owner, downtown.id, DEMO_USERS.sales2.id, { available: true });
    expect(await storedAvailability(ctx, DEMO_USERS.sales2.id, downtown.id)).toBe(1);
  });

  it('when a salesperson tries to mark a colleague away, then it is refused with 403 and nothing changes', async () => {
    const res = await expectMarkAwayRefused(ctx, 403, [DEMO_USERS.sales, downtown.id, DEMO_USERS.sales2.id]);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('https://showroom.dev/problems/forbidden');
    expect(res.body.detail).toContain('team:manage');
  });

  it('when a viewer tries to mark someone away, then it is refused with 403', async () => {
    await expectMarkAwayRefused(ctx, 403, [DEMO_USERS.viewer, northside.id, DEMO_USERS.northsideSales.id]);
  });

  it('when the owner of two rooftops marks someone away at one, then the other rooftop keeps its own flag', async () => {
    const res = await markAway(ctx, DEMO_USERS.owner, northside.id, DEMO_USERS.owner.id);
    expect(res.status).toBe(200);
    expect(await storedAvailability(ctx, DEMO_USERS.owner.id, northside.id)).toBe(0);
    expect(await storedAvailability(ctx, DEMO_USERS.owner.id, downtown.id)).toBe(1);
    await putAvailability(ctx, DEMO_USERS.owner, northside.id, DEMO_USERS.owner.id, { available: true });
  });

  it('when the person is not a member of this dealership, then 404 problem+json', async () => {
    const res = await markAway(ctx, DEMO_USERS.manager, downtown.id, 'auth0|nobody');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('https://showroom.dev/problems/not-found');
  });

  it('when seeding runs again, then availability someone set is kept', async () => {
    await markAway(ctx, DEMO_USERS.manager, downtown.id, DEMO_USERS.sales2.id);
    await seedDemoTenants(ctx.database.writer);
    expect(await storedAvailability(ctx, DEMO_USERS.sales2.id, downtown.id)).toBe(0);
    await putAvailability(ctx, DEMO_USERS.manager, downtown.id, DEMO_USERS.sales2.id, { available: true });
  });

  describe('bad input answers 400 naming the field', () => {
    it.each([
      ['a string for available', { available: 'yes' }, 'body.available'],
      ['no available at all', {}, 'body.available'],
      ['an unknown field', { available: true, until: '2026-12-01' }, 'body'],
    ])('%s', async (_label, body, field) => {
      const res = await putAvailability(ctx, DEMO_USERS.manager, downtown.id, DEMO_USERS.sales.id, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.type).toBe('https://showroom.dev/problems/validation');
      expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([field]);
    });

    it('a body that is not JSON', async () => {
      const res = await request(ctx.app)
        .put(`/api/users/team/${encodeURIComponent(DEMO_USERS.sales.id)}/availability`)
        .auth(await tokenOf(ctx, DEMO_USERS.sales), { type: 'bearer' })
        .set('X-Dealership-Id', downtown.id)
        .set('Content-Type', 'application/json')
        .send('{"available": tru');
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('https://showroom.dev/problems/malformed-json');
    });

    it('a user id longer than any identity provider issues', async () => {
      const res = await putAvailability(ctx, DEMO_USERS.manager, downtown.id, 'x'.repeat(129), {
        available: true,
      });
      expect(res.status).toBe(400);
      expect(res.body.invalidParams[0].name).toBe('userId');
    });

    it('no X-Dealership-Id, or one that is not a UUID', async () => {
      const token = await tokenOf(ctx, DEMO_USERS.sales);
      const missing = await request(ctx.app).get('/api/users/team').auth(token, { type: 'bearer' });
      expect(missing.status).toBe(400);
      expect(missing.body.invalidParams[0].name).toBe('X-Dealership-Id');

      const malformed = await request(ctx.app)
        .get('/api/users/team')
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', 'downtown');
      expect(malformed.status).toBe(400);
      expect(malformed.body.invalidParams[0].name).toBe('X-Dealership-Id');
    });
  });

  it('without a token, the team is 401', async () => {
    const res = await request(ctx.app).get('/api/users/team').set('X-Dealership-Id', downtown.id);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('documents the team routes in OpenAPI', async () => {
    const res = await request(ctx.app).get('/api/users/openapi.json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/users/team',
        '/api/users/team/{userId}/availability',
        '/api/users/internal/dealerships/{dealershipId}/team',
      ]),
    );
    expect(res.body.paths['/api/users/team/{userId}/availability'].put.responses['404']).toBeDefined();
  });
});
