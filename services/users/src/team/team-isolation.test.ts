import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { READ_MEMBERSHIPS_SCOPE, READ_TEAM_SCOPE, TeamListSchema } from '@showroom/contracts';
import { DEMO_DEALERSHIPS, DEMO_USERS } from '@showroom/demo-data';
import { expectMarkAwayRefused, getTeam, markAway } from '../test/team-requests';
import { usersAppOnDemoTenants } from '../test/users-test-app';

const { downtown, northside, rival } = DEMO_DEALERSHIPS;

describe('team: one dealership never reads or changes another’s people', () => {
  const ctx = usersAppOnDemoTenants();

  it('when a member of one dealership names another in the header, then 403 and no names leak', async () => {
    const res = await getTeam(ctx, DEMO_USERS.rivalOwner, downtown.id);

    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('https://showroom.dev/problems/forbidden');
    expect(JSON.stringify(res.body)).not.toContain('Sofia');
  });

  it('when a manager of one rooftop of the group asks for the other, then 403', async () => {
    expect((await getTeam(ctx, DEMO_USERS.manager, northside.id)).status).toBe(403);
  });

  it('when a manager changes someone at a dealership they do not belong to, then 403 and nothing changes', async () => {
    await expectMarkAwayRefused(ctx, 403, [DEMO_USERS.manager, rival.id, DEMO_USERS.rivalSales.id]);
  });

  it('when a manager names a person of another dealership under their own, then 404 and that person is untouched', async () => {
    const res = await expectMarkAwayRefused(ctx, 404, [
      DEMO_USERS.manager,
      downtown.id,
      DEMO_USERS.rivalSales.id,
      rival.id,
    ]);
    expect(res.body.type).toBe('https://showroom.dev/problems/not-found');
    expect(JSON.stringify(res.body)).not.toContain('Ravi');
  });

  it('when a person of the group who works only at the other rooftop is named, then 404 (membership is per rooftop)', async () => {
    await expectMarkAwayRefused(ctx, 404, [
      DEMO_USERS.manager,
      downtown.id,
      DEMO_USERS.viewer.id,
      northside.id,
    ]);
  });

  it('when a token signed by someone else claims a membership, then 401', async () => {
    const forged = await ctx.issuer.tokenFor(
      { sub: 'auth0|intruder', memberships: [{ dealershipId: downtown.id, role: 'owner' }] },
      { foreignKey: true },
    );
    const res = await request(ctx.app)
      .get('/api/users/team')
      .auth(forged, { type: 'bearer' })
      .set('X-Dealership-Id', downtown.id);
    expect(res.status).toBe(401);
  });
});

describe('team for other services: machine tokens with read:team', () => {
  const ctx = usersAppOnDemoTenants();
  const teamPath = (dealershipId: string) => `/api/users/internal/dealerships/${dealershipId}/team`;

  it('when the leads service asks with read:team, then it gets that dealership’s team only, by name', async () => {
    await markAway(ctx, DEMO_USERS.owner, northside.id, DEMO_USERS.northsideSales2.id);
    const token = await ctx.issuer.machineToken('showroom-services', [READ_TEAM_SCOPE]);
    const res = await request(ctx.app).get(teamPath(northside.id)).auth(token, { type: 'bearer' });

    expect(res.status).toBe(200);
    expect(TeamListSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.items.map((m: { id: string; available: boolean }) => [m.id, m.available])).toEqual([
      [DEMO_USERS.northsideFinance.id, true],
      [DEMO_USERS.northsideSales.id, true],
      [DEMO_USERS.northsideSales2.id, false],
      [DEMO_USERS.owner.id, true],
      [DEMO_USERS.viewer.id, true],
    ]);
  });

  it('accepts the dealership id in upper case, as the header does', async () => {
    const token = await ctx.issuer.machineToken('showroom-services', [READ_TEAM_SCOPE]);
    const res = await request(ctx.app).get(teamPath(rival.id.toUpperCase())).auth(token, { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { name: string }) => m.name)).toEqual([
      'Ravi Reyes',
      'Rhea Ruiz',
      'Rita Rival',
      'Rosa Romero',
    ]);
  });

  it('when the token lacks read:team, then 403 naming the scope', async () => {
    const token = await ctx.issuer.machineToken('showroom-actions', [READ_MEMBERSHIPS_SCOPE]);
    const res = await request(ctx.app).get(teamPath(downtown.id)).auth(token, { type: 'bearer' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toContain('read:team');
  });

  it('a dealership id that is not a UUID is 400 naming it; an unknown dealership is 404', async () => {
    const token = await ctx.issuer.machineToken('showroom-services', [READ_TEAM_SCOPE]);
    const bad = await request(ctx.app).get(teamPath('downtown')).auth(token, { type: 'bearer' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['dealershipId']);

    const unknown = await request(ctx.app).get(teamPath(randomUUID())).auth(token, { type: 'bearer' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe('https://showroom.dev/problems/not-found');
  });
});
