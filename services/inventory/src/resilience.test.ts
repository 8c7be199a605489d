import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { inventoryAppWithCuttable } from './test/inventory-test-app';
import { vehicleInput } from './test/vehicle-fixtures';

async function eventually(assertion: () => Promise<void>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('when Redis is away: slower, never wrong, never down', () => {
  const ctx = inventoryAppWithCuttable('redis');
  let token: string;

  beforeAll(async () => {
    token = await ctx.tokenFor('manager', ctx.dealershipId);
    await eventually(async () => expect(ctx.redis.status).toBe('ready'));
  });
  const api = () => ({
    list: () =>
      request(ctx.app)
        .get('/api/inventory/vehicles')
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', ctx.dealershipId),
    add: (body: object) =>
      request(ctx.app)
        .post('/api/inventory/vehicles')
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', ctx.dealershipId)
        .send(body),
    edit: (id: string, etag: string, body: object) =>
      request(ctx.app)
        .patch(`/api/inventory/vehicles/${id}`)
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', ctx.dealershipId)
        .set('If-Match', etag)
        .send(body),
  });

  it('serves reads and writes from MySQL while Redis is cut, and no stale page survives its return', async () => {
    const created = await api().add(vehicleInput({ priceCents: 3_000_000 }));
    expect((await api().list()).body.items[0].priceCents).toBe(3_000_000); // now cached

    await ctx.proxy.cut();
    await eventually(async () => expect(ctx.redis.status).not.toBe('ready'));
    const ready = await request(ctx.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.checks.redis.status).toBe('down');

    const edited = await api().edit(created.body.id, '"v1"', { priceCents: 2_800_000 });
    expect(edited.status).toBe(200);
    expect((await api().list()).body.items[0].priceCents).toBe(2_800_000);

    await ctx.proxy.restore();
    await eventually(async () => expect(ctx.redis.status).toBe('ready'));
    // The page cached before the outage says 3,000,000; the deferred invalidation must have orphaned it.
    await eventually(async () => expect((await api().list()).body.items[0].priceCents).toBe(2_800_000));
    expect((await request(ctx.app).get('/readyz')).body.status).toBe('ready');
  });
});

describe('when MySQL is away: 503, the process stays up, and it recovers by itself', () => {
  const ctx = inventoryAppWithCuttable('mysql');
  let token: string;

  beforeAll(async () => {
    token = await ctx.tokenFor('owner', ctx.dealershipId);
  });

  it('answers 503 problem+json while cut, reports not ready, and serves again once MySQL is back', async () => {
    const add = () =>
      request(ctx.app)
        .post('/api/inventory/vehicles')
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', ctx.dealershipId)
        .send(vehicleInput());
    expect((await add()).status).toBe(201);

    await ctx.proxy.cut();
    const refused = await add();
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('5');
    const ready = await request(ctx.app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.mysql.status).toBe('down');
    expect((await request(ctx.app).get('/healthz')).status).toBe(200);
    expect((await request(ctx.app).get('/api/inventory/healthz')).status).toBe(200);
    expect((await request(ctx.app).get('/api/inventory/readyz')).status).toBe(503);

    await ctx.proxy.restore();
    await eventually(async () => expect((await request(ctx.app).get('/readyz')).status).toBe(200));
    expect((await add()).status).toBe(201);
    const list = await request(ctx.app)
      .get('/api/inventory/vehicles')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId);
    expect(list.body.total).toBe(2);
  });
});
