import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@showroom/contracts';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

describe('group search: a group’s people search all the rooftops they work at, and no others', () => {
  let ctx: InventoryTestContext;
  let rooftops: [string, string, string];
  let outsider: string;
  const carAt: Record<string, string> = {};

  const tokenWith = (sub: string, memberships: Array<{ dealershipId: string; role: Role }>) =>
    ctx.issuer.tokenFor({ sub, memberships });
  const groupSearch = (token: string, active: string, q = 'camry') =>
    request(ctx.app)
      .get('/api/inventory/group/vehicles')
      .query({ q })
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', active);
  const rooftopsOf = (res: request.Response) =>
    (res.body.items as Array<{ rooftop: { id: string } }>).map((v) => v.rooftop.id).sort();

  beforeAll(async () => {
    ctx = await startInventoryTestApp();
    rooftops = ctx.newGroup(3).dealershipIds as [string, string, string];
    outsider = ctx.newDealership();
    for (const dealershipId of [...rooftops, outsider]) {
      const res = await request(ctx.app)
        .post('/api/inventory/vehicles')
        .auth(await ctx.tokenFor('manager', dealershipId), { type: 'bearer' })
        .set('X-Dealership-Id', dealershipId)
        .send(vehicleInput({ make: 'Toyota', model: 'Camry' }));
      carAt[dealershipId] = res.body.id;
    }
  });
  afterAll(() => ctx.close());

  it('when the group owner searches, then the cars of every rooftop come, each naming its rooftop', async () => {
    const owner = await tokenWith(
      'auth0|group-owner',
      rooftops.map((d) => ({ dealershipId: d, role: 'owner' })),
    );
    const res = await groupSearch(owner, rooftops[0]);
    expect(res.status).toBe(200);
    expect(rooftopsOf(res)).toEqual([...rooftops].sort());
    expect(res.body.facets.make).toEqual([{ value: 'Toyota', count: 3 }]);
  });

  it('when someone works at two of the three rooftops, then only those two are searched', async () => {
    const token = await tokenWith('auth0|two-rooftops', [
      { dealershipId: rooftops[0], role: 'sales' },
      { dealershipId: rooftops[1], role: 'viewer' },
    ]);
    const res = await groupSearch(token, rooftops[1]);
    expect(rooftopsOf(res)).toEqual([rooftops[0], rooftops[1]].sort());
  });

  it('when a member of a rooftop outside the group also holds a membership in it, then the outsider rooftop stays out', async () => {
    const token = await tokenWith('auth0|mixed', [
      { dealershipId: rooftops[2], role: 'manager' },
      { dealershipId: outsider, role: 'owner' },
    ]);
    const res = await groupSearch(token, rooftops[2]);
    expect(rooftopsOf(res)).toEqual([rooftops[2]]);
  });

  it('when the active dealership has no group, then the group search is that dealership alone', async () => {
    const token = await tokenWith('auth0|outsider', [{ dealershipId: outsider, role: 'owner' }]);
    const res = await groupSearch(token, outsider);
    expect(rooftopsOf(res)).toEqual([outsider]);
  });

  it('when someone names a rooftop of the group they do not work at, then it is refused', async () => {
    const token = await tokenWith('auth0|one-rooftop', [{ dealershipId: rooftops[0], role: 'sales' }]);
    const res = await groupSearch(token, rooftops[1]);
    expect(res.status).toBe(403);
  });
});
