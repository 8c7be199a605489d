import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_INVENTORY_SCOPE, READ_TEAM_SCOPE, VehicleSchema } from '@showroom/contracts';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { freshVin, vehicleInput } from '../test/vehicle-fixtures';

/** The leads service resolving "the car the shopper asked about" with its machine token. */
describe('internal vehicle lookup: by VIN or stock number, for services with read:inventory', () => {
  let ctx: InventoryTestContext;
  let ours: string;
  let theirs: string;
  let serviceToken: string;
  let vehicle: { id: string; vin: string; stockNumber: string };
  let theirVehicle: { id: string; vin: string; stockNumber: string };

  /** `token: null` sends no Authorization header. */
  const lookup = (
    dealershipId: string,
    query: Record<string, string>,
    token: string | null = serviceToken,
  ) => {
    const req = request(ctx.app)
      .get(`/api/inventory/internal/dealerships/${dealershipId}/vehicles/lookup`)
      .query(query);
    return token === null ? req : req.auth(token, { type: 'bearer' });
  };
  const add = async (dealershipId: string, overrides: Parameters<typeof vehicleInput>[0] = {}) => {
    const res = await request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(await ctx.tokenFor('manager', dealershipId), { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput(overrides));
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    ctx = await startInventoryTestApp();
    ours = ctx.newDealership();
    theirs = ctx.newDealership();
    serviceToken = await ctx.issuer.machineToken('showroom-services', [
      READ_TEAM_SCOPE,
      READ_INVENTORY_SCOPE,
    ]);
    vehicle = await add(ours, { stockNumber: 'U4711' });
    theirVehicle = await add(theirs, { stockNumber: 'R9001' });
  });
  afterAll(() => ctx.close());

  it('finds a vehicle by VIN, typed in lower case with spaces around', async () => {
    const res = await lookup(ours, { vin: `  ${vehicle.vin.toLowerCase()} ` });

    expect(res.status).toBe(200);
    expect(VehicleSchema.parse(res.body.vehicle)).toEqual(res.body.vehicle);
    expect(res.body.vehicle).toMatchObject({ id: vehicle.id, dealershipId: ours, vin: vehicle.vin });
  });

  it('finds a vehicle by stock number, whatever its case (stock numbers compare case-insensitively)', async () => {
    for (const stockNumber of ['U4711', 'u4711']) {
      const res = await lookup(ours, { stockNumber });
      expect(res.status, stockNumber).toBe(200);
      expect(res.body.vehicle.id).toBe(vehicle.id);
      expect(res.body.vehicle.stockNumber).toBe('U4711');
    }
  });

  it('finds a vehicle by its id, whatever its status (a deal’s lead names the car it was reserved as)', async () => {
    const sold = await add(ours, { status: 'sold' });
    for (const id of [vehicle.id, sold.id.toUpperCase()]) {
      const res = await lookup(ours, { id });
      expect(res.status, id).toBe(200);
      expect(res.body.vehicle.id).toBe(id.toLowerCase());
    }
  });

  it('prefers the car on the lot over a newer sold one with the same VIN', async () => {
    const vin = freshVin();
    const older = await add(ours, { vin, status: 'sold' });
    const newerSold = await add(ours, { vin, status: 'sold' });
    // The older one comes back onto the lot (a sale fell through).
    const reopened = await request(ctx.app)
      .patch(`/api/inventory/vehicles/${older.id}`)
      .auth(await ctx.tokenFor('manager', ours), { type: 'bearer' })
      .set('X-Dealership-Id', ours)
      .set('If-Match', '"v1"')
      .send({ status: 'available' });
    expect(reopened.status).toBe(200);

    const res = await lookup(ours, { vin });
    expect(res.status).toBe(200);
    expect(res.body.vehicle.id).toBe(older.id);
    expect(res.body.vehicle.id).not.toBe(newerSold.id);
  });

  it('answers 404 for a vehicle of another dealership, by VIN and by stock number, leaking nothing', async () => {
    const queries: Record<string, string>[] = [
      { vin: theirVehicle.vin },
      { stockNumber: theirVehicle.stockNumber },
      { id: theirVehicle.id },
    ];
    for (const query of queries) {
      const res = await lookup(ours, query);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.type).toBe('https://showroom.dev/problems/not-found');
      // Nothing of the car beyond what the query itself named.
      const leaked = [theirVehicle.id, theirVehicle.vin, theirVehicle.stockNumber].filter(
        (value) => !Object.values(query).includes(value),
      );
      for (const value of leaked) expect(JSON.stringify(res.body)).not.toContain(value);
    }
    expect((await lookup(theirs, { vin: theirVehicle.vin })).status).toBe(200);
  });

  it('answers 404 for a VIN or stock number nobody has', async () => {
    expect((await lookup(ours, { vin: freshVin() })).status).toBe(404);
    expect((await lookup(ours, { stockNumber: 'NOPE1' })).status).toBe(404);
  });

  it('refuses a machine token without read:inventory with 403 naming the scope', async () => {
    const teamOnly = await ctx.issuer.machineToken('showroom-services', [READ_TEAM_SCOPE]);
    const res = await lookup(ours, { vin: vehicle.vin }, teamOnly);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toContain('read:inventory');
  });

  describe('bad queries answer 400 naming what is wrong', () => {
    it.each([
      ['neither vin nor stockNumber', {}, 'query'],
      ['both vin and stockNumber', { vin: '1HGCV1F30NA000001', stockNumber: 'U4711' }, 'query'],
      [
        'both id and stockNumber',
        { id: '5d3c1f0e-9b7a-4e21-8c55-0f1e2d3c4b5a', stockNumber: 'U4711' },
        'query',
      ],
      ['an id that is not a UUID', { id: 'car-1' }, 'query.id'],
      ['a VIN too short to be one', { vin: '1HGCV' }, 'query.vin'],
      ['a VIN with punctuation', { vin: '1HGCV1F3-NA00000' }, 'query.vin'],
      ['a stock number over 20 characters', { stockNumber: 'S'.repeat(21) }, 'query.stockNumber'],
      ['an unknown parameter', { vin: '1HGCV1F30NA000001', make: 'Honda' }, 'query'],
    ])('%s', async (_label, query, field) => {
      const res = await lookup(ours, query);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([field]);
    });

    it('a dealership id that is not a UUID', async () => {
      const res = await lookup('downtown', { vin: vehicle.vin });
      expect(res.status).toBe(400);
      expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['dealershipId']);
    });
  });

  it('is documented in OpenAPI with its query parameters', async () => {
    const res = await request(ctx.app).get('/api/inventory/openapi.json');
    const operation =
      res.body.paths['/api/inventory/internal/dealerships/{dealershipId}/vehicles/lookup']?.get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual([
      'dealershipId',
      'vin',
      'stockNumber',
      'id',
    ]);
  });
});
