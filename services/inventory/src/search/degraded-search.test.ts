import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

describe('search while the index is cold: MySQL answers, slower but right, and says so', () => {
  let ctx: InventoryTestContext;
  let token: string;
  let camryId: string;
  let dealershipId: string;
  const reports: unknown[] = [];

  const search = (query: Record<string, string>) =>
    request(ctx.app)
      .get('/api/inventory/vehicles')
      .query(query)
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId);

  beforeAll(async () => {
    ctx = await startInventoryTestApp({
      coldSearch: true,
      reporter: { notify: (error) => reports.push(error) },
    });
    dealershipId = ctx.newDealership();
    token = await ctx.tokenFor('manager', dealershipId);
    for (const input of [
      vehicleInput({ make: 'Toyota', model: 'Camry', priceCents: 2_000_000 }),
      vehicleInput({ make: 'Chevrolet', model: 'Corvette', bodyStyle: 'coupe', drivetrain: 'rwd' }),
    ]) {
      const res = await request(ctx.app)
        .post('/api/inventory/vehicles')
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', dealershipId)
        .send(input);
      if (input.model === 'Camry') camryId = res.body.id;
    }
  });
  afterAll(() => ctx.close());

  it('when the index is not built yet, then the search is answered from MySQL with a header saying so', async () => {
    const res = await search({ q: 'camry', facets: 'make,price' });
    expect(res.status).toBe(200);
    expect(res.headers['search-fallback']).toMatch(/^mysql; reason="embedded search unavailable/);
    expect(res.body.items.map((v: { id: string }) => v.id)).toEqual([camryId]);
    expect(res.body.facets.make).toEqual([{ value: 'Toyota', count: 1 }]);
    expect(res.body.ranges.price).toEqual({ min: 2_000_000, max: 2_000_000 });
  });

  it('when searches keep falling back, then Bugsnag hears of it once, not once per search', async () => {
    await search({ q: 'camry' });
    await search({ q: 'camry' });
    expect(reports).toHaveLength(1);
    expect(String(reports[0])).toContain('embedded search is unavailable');
  });

  it('when MySQL answers, then synonyms still work ("vette" finds the Corvette)', async () => {
    const res = await search({ q: 'vette' });
    expect(res.body.items.map((v: { model: string }) => v.model)).toEqual(['Corvette']);
  });

  it('when the instance is ready and has built its index, then the header is gone', async () => {
    ctx.inventory.startBackground?.();
    for (let i = 0; i < 200 && !ctx.inventory.search.isReady(); i++)
      await new Promise((r) => setTimeout(r, 25));
    const res = await search({ q: 'toyta' });
    expect(res.headers['search-fallback']).toBeUndefined();
    expect(res.body.items.map((v: { id: string }) => v.id)).toEqual([camryId]);
  });
});

describe('SEARCH_ENGINE=mysql: a small install without an index', () => {
  let ctx: InventoryTestContext;

  beforeAll(async () => {
    ctx = await startInventoryTestApp({ env: { SEARCH_ENGINE: 'mysql' } });
  });
  afterAll(() => ctx.close());

  it('when MySQL is the configured engine, then it answers exact searches with no fallback header', async () => {
    const dealershipId = ctx.newDealership();
    const token = await ctx.tokenFor('manager', dealershipId);
    const added = await request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput({ make: 'Toyota', model: 'Camry' }));
    const res = await request(ctx.app)
      .get('/api/inventory/vehicles')
      .query({ q: 'camry' })
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId);
    expect(res.headers['search-fallback']).toBeUndefined();
    expect(res.body.items.map((v: { id: string }) => v.id)).toEqual([added.body.id]);
  });
});
