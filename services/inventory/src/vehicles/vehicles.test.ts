import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { freshVin, vehicleInput } from '../test/vehicle-fixtures';

describe('vehicles: a dealership manages its lot', () => {
  const ctx = inventoryAppForTests();
  let sales: string;
  let manager: string;

  beforeAll(async () => {
    sales = await ctx.tokenFor('sales', ctx.dealershipId);
    manager = await ctx.tokenFor('manager', ctx.dealershipId);
  });

  const api = (token: string) => ({
    get: (path: string) =>
      request(ctx.app).get(path).auth(token, { type: 'bearer' }).set('X-Dealership-Id', ctx.dealershipId),
    post: (path: string, body: unknown) =>
      request(ctx.app)
        .post(path)
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', ctx.dealershipId)
        .send(body as object),
    patch: (path: string, body: unknown, etag?: string) => {
      const req = request(ctx.app)
        .patch(path)
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', ctx.dealershipId);
      if (etag) req.set('If-Match', etag);
      return req.send(body as object);
    },
    delete: (path: string, etag?: string) => {
      const req = request(ctx.app)
        .delete(path)
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', ctx.dealershipId);
      return etag ? req.set('If-Match', etag) : req;
    },
  });

  it('when a salesperson adds a vehicle, then it is stored and can be read back with an ETag', async () => {
    const input = vehicleInput({
      vin: ` ${freshVin().toLowerCase()} `,
      description: 'One owner, clean history.',
    });

    const created = await api(sales).post('/api/inventory/vehicles', input);

    expect(created.status).toBe(201);
    expect(created.headers['location']).toBe(`/api/inventory/vehicles/${created.body.id}`);
    expect(created.body).toMatchObject({
      vin: input.vin.trim().toUpperCase(),
      stockNumber: input.stockNumber,
      status: 'available',
      currency: 'USD',
      version: 1,
      daysInStock: 0,
    });
    const read = await api(sales).get(`/api/inventory/vehicles/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers['etag']).toBe('"v1"');
    expect(read.body).toEqual(created.body);
  });

  it('when the stock number is already used, then 409 names the field and suggests a free one', async () => {
    const first = await api(sales).post('/api/inventory/vehicles', vehicleInput({ stockNumber: 'U1500' }));
    expect(first.status).toBe(201);

    const clash = await api(sales).post('/api/inventory/vehicles', vehicleInput({ stockNumber: 'U1500' }));

    expect(clash.status).toBe(409);
    expect(clash.body.invalidParams).toEqual([
      { name: 'stockNumber', reason: 'already used; U1501 is free' },
    ]);
  });

  it('when the same VIN is already on the lot, then a second copy is refused with 409', async () => {
    const vin = freshVin();
    expect((await api(sales).post('/api/inventory/vehicles', vehicleInput({ vin }))).status).toBe(201);

    const again = await api(sales).post('/api/inventory/vehicles', vehicleInput({ vin }));

    expect(again.status).toBe(409);
    expect(again.body.invalidParams[0].name).toBe('vin');
  });

  it('suggests the next stock number per condition', async () => {
    await api(sales).post(
      '/api/inventory/vehicles',
      vehicleInput({ stockNumber: 'N2041', condition: 'new', mileage: 5 }),
    );

    const next = await api(sales).get('/api/inventory/vehicles/next-stock-number?condition=new');
    const certified = await api(sales).get('/api/inventory/vehicles/next-stock-number?condition=certified');

    expect(next.body).toEqual({ stockNumber: 'N2042' });
    expect(certified.body).toEqual({ stockNumber: 'C1001' });
  });

  it('when two people edit the same vehicle, then the stale edit gets 412 and changes nothing', async () => {
    const created = await api(sales).post('/api/inventory/vehicles', vehicleInput({ priceCents: 2_000_000 }));
    const path = `/api/inventory/vehicles/${created.body.id}`;

    const first = await api(sales).patch(path, { priceCents: 1_950_000 }, '"v1"');
    const stale = await api(manager).patch(path, { priceCents: 1_800_000 }, '"v1"');

    expect(first.status).toBe(200);
    expect(first.headers['etag']).toBe('"v2"');
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    const now = await api(sales).get(path);
    expect(now.body.priceCents).toBe(1_950_000);
    expect(now.body.version).toBe(2);
  });

  it('when an edit comes without If-Match, then it is refused with 428', async () => {
    const created = await api(sales).post('/api/inventory/vehicles', vehicleInput());
    const res = await api(sales).patch(`/api/inventory/vehicles/${created.body.id}`, { status: 'sold' });
    expect(res.status).toBe(428);
  });

  it('when a vehicle is marked sold, then the status filter and the cached list both see it at once', async () => {
    const created = await api(sales).post(
      '/api/inventory/vehicles',
      vehicleInput({ make: 'Honda', model: 'Accord' }),
    );
    const before = await api(sales).get('/api/inventory/vehicles?status=sold&pageSize=100');
    await api(sales).patch(`/api/inventory/vehicles/${created.body.id}`, { status: 'sold' }, '"v1"');

    const after = await api(sales).get('/api/inventory/vehicles?status=sold&pageSize=100');

    expect(before.body.items.map((v: { id: string }) => v.id)).not.toContain(created.body.id);
    expect(after.body.items.map((v: { id: string }) => v.id)).toContain(created.body.id);
  });

  it('when a manager deletes a vehicle with its ETag, then it is gone', async () => {
    const created = await api(sales).post('/api/inventory/vehicles', vehicleInput());
    const path = `/api/inventory/vehicles/${created.body.id}`;

    const stale = await api(manager).delete(path, '"v7"');
    const deleted = await api(manager).delete(path, '"v1"');

    expect(stale.status).toBe(412);
    expect(deleted.status).toBe(204);
    expect((await api(sales).get(path)).status).toBe(404);
  });

  it('stores SQL-looking text verbatim, and searching for it finds only words', async () => {
    const sneaky = 'Robert\'); DROP TABLE vehicles;-- " OR 1=1';
    const created = await api(sales).post(
      '/api/inventory/vehicles',
      vehicleInput({ description: sneaky, trim: "EX' OR '1'='1" }),
    );

    const read = await api(sales).get(`/api/inventory/vehicles/${created.body.id}`);
    const search = await api(sales).get(`/api/inventory/vehicles?q=${encodeURIComponent("' OR 1=1 --")}`);

    expect(read.body.description).toBe(sneaky);
    expect(read.body.trim).toBe("EX' OR '1'='1");
    // The words of the injection are only words: they find the one car whose trim has them all.
    expect(search.status).toBe(200);
    expect(search.body.items.map((v: { id: string }) => v.id)).toEqual([created.body.id]);
  });

  it('decodes a VIN offline and says when it is already on the lot', async () => {
    const vin = freshVin(2022);
    const before = await api(sales).get(`/api/inventory/vin/${vin}`);
    const created = await api(sales).post('/api/inventory/vehicles', vehicleInput({ vin }));
    const after = await api(sales).get(`/api/inventory/vin/${vin}`);
    const bad = await api(sales).get('/api/inventory/vin/1HGCM82633A00435');

    expect(before.body).toMatchObject({
      valid: true,
      make: 'Honda',
      modelYear: 2022,
      existingVehicleId: null,
    });
    expect(after.body.existingVehicleId).toBe(created.body.id);
    expect(bad.body).toMatchObject({ valid: false, problem: 'must be 17 characters (got 16)' });
  });

  it('serves its OpenAPI 3.1 document from the contracts', async () => {
    const res = await request(ctx.app).get('/api/inventory/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/inventory/vehicles/{id}'].patch.responses['412']).toBeDefined();
    expect(
      res.body.paths['/api/inventory/vehicles'].post.requestBody.content['application/json'].schema.properties
        .vin,
    ).toBeDefined();
  });
});
