import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../app';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

const CONVERGES_WITHIN_MS = 15_000;

describe('several instances: each keeps its own index current from the change feed', () => {
  let ctx: InventoryTestContext;
  let other: Inventory;
  let dealershipId: string;
  let token: string;

  beforeAll(async () => {
    ctx = await startInventoryTestApp();
    dealershipId = ctx.newDealership();
    token = await ctx.tokenFor('manager', dealershipId);
    other = await ctx.anotherInstance();
  });
  afterAll(() => ctx.close());

  const searchOn = (instance: { app: InventoryTestContext['app'] }, q: string) =>
    request(instance.app)
      .get('/api/inventory/vehicles')
      .query({ q })
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId);

  /**
   * Searches `instance` until `found` holds: whether it did. The follower
   * polls every 50 ms here, so this takes milliseconds; the bound is generous because a busy CI machine
   * (two test projects at once on two cores) can stall any process for a second or more.
   */
  async function eventuallyFinds(instance: Inventory, q: string, found: (ids: string[]) => boolean) {
    const started = Date.now();
    while (Date.now() - started < CONVERGES_WITHIN_MS) {
      const res = await searchOn(instance, q);
      expect(res.headers['search-fallback']).toBeUndefined();
      if (found(res.body.items.map((v: { id: string }) => v.id))) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  }

  it('when a car is added through one instance, then the other instance finds it without a restart', async () => {
    const added = await request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput({ make: 'Mazda', model: 'CX-5', bodyStyle: 'suv' }));
    expect(added.status).toBe(201);
    expect(await eventuallyFinds(other, 'mazda', (ids) => ids.includes(added.body.id))).toBe(true);
  });

  it('when a car is deleted through one instance, then it disappears from the other too', async () => {
    const added = await request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput({ make: 'Kia', model: 'Telluride', bodyStyle: 'suv' }));
    expect(await eventuallyFinds(other, 'telluride', (ids) => ids.includes(added.body.id))).toBe(true);
    await request(ctx.app)
      .delete(`/api/inventory/vehicles/${added.body.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .set('If-Match', '"v1"');
    expect(await eventuallyFinds(other, 'telluride', (ids) => ids.length === 0)).toBe(true);
  });
});
