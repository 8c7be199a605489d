import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

describe('price history: every price set or changed in the portal is kept, and a drop is an event', () => {
  const ctx = inventoryAppForTests();
  let manager: string;

  beforeAll(async () => {
    manager = await ctx.tokenFor('manager', ctx.dealershipId);
  });

  const as = (token: string, dealershipId = ctx.dealershipId) => ({
    get: (path: string) =>
      request(ctx.app).get(path).auth(token, { type: 'bearer' }).set('X-Dealership-Id', dealershipId),
    post: (path: string, body: object) =>
      request(ctx.app)
        .post(path)
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', dealershipId)
        .send(body),
    patch: (path: string, body: object, etag: string) =>
      request(ctx.app)
        .patch(path)
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', dealershipId)
        .set('If-Match', etag)
        .send(body),
  });

  const dropEvents = async (vehicleId: string) =>
    (
      await forDealership(ctx.database.writer, ctx.dealershipId)
        .selectFrom('inventory_events')
        .selectAll()
        .where('type', '=', 'price_dropped')
        .execute()
    )
      .map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload))
      .filter((payload) => payload.vehicleId === vehicleId);

  it('records the first price, a drop (with one price_dropped event), a rise (no event), and no entry for an edit that keeps the price', async () => {
    const created = await as(manager).post(
      '/api/inventory/vehicles',
      vehicleInput({ priceCents: 2_000_000 }),
    );
    expect(created.status).toBe(201);
    const path = `/api/inventory/vehicles/${created.body.id}`;

    const dropped = await as(manager).patch(path, { priceCents: 1_850_000 }, created.headers['etag']);
    expect(dropped.status).toBe(200);
    const raised = await as(manager).patch(path, { priceCents: 1_900_000 }, dropped.headers['etag']);
    expect(raised.status).toBe(200);
    const samePrice = await as(manager).patch(
      path,
      { mileage: 30_000, priceCents: 1_900_000 },
      raised.headers['etag'],
    );
    expect(samePrice.status).toBe(200);

    const history = await as(manager).get(`${path}/price-history`);
    expect(history.status).toBe(200);
    expect(
      history.body.entries.map((e: { fromCents: number | null; toCents: number | null }) => [
        e.fromCents,
        e.toCents,
      ]),
    ).toEqual([
      [null, 2_000_000],
      [2_000_000, 1_850_000],
      [1_850_000, 1_900_000],
    ]);
    expect(
      history.body.entries.every(
        (e: { source: string; currency: string }) => e.source === 'portal' && e.currency === 'USD',
      ),
    ).toBe(true);

    const events = await dropEvents(created.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      fromCents: 2_000_000,
      toCents: 1_850_000,
      currency: 'USD',
      source: 'portal',
    });
  });

  it('an edit that loses to a newer version records nothing', async () => {
    const created = await as(manager).post(
      '/api/inventory/vehicles',
      vehicleInput({ priceCents: 1_000_000 }),
    );
    const path = `/api/inventory/vehicles/${created.body.id}`;
    await as(manager).patch(path, { mileage: 1 }, created.headers['etag']);

    const stale = await as(manager).patch(path, { priceCents: 900_000 }, created.headers['etag']);

    expect(stale.status).toBe(412);
    const history = await as(manager).get(`${path}/price-history`);
    expect(history.body.entries).toHaveLength(1);
    expect(await dropEvents(created.body.id)).toEqual([]);
  });

  it('another dealership gets a 404 for our vehicle’s history', async () => {
    const created = await as(manager).post('/api/inventory/vehicles', vehicleInput());
    const other = ctx.newDealership();
    const res = await as(await ctx.tokenFor('owner', other), other).get(
      `/api/inventory/vehicles/${created.body.id}/price-history`,
    );
    expect(res.status).toBe(404);
  });
});
