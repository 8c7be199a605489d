import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VehicleInput } from '@showroom/contracts';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

const COST = 1_234_567;
const NOTE = 'Trade-in from J. Doe, needs tyres, floor plan at 4.1%';

describe('the public inventory: what a dealership website shows shoppers', () => {
  let ctx: InventoryTestContext;
  let group: { groupId: string; dealershipIds: string[] };
  let downtown: string;
  let northside: string;
  let rival: string;
  const cars: Record<string, { id: string; stockNumber: string }> = {};

  const add = async (name: string, dealershipId: string, input: Partial<VehicleInput>) => {
    const res = await request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(await ctx.tokenFor('manager', dealershipId), { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput({ costCents: COST, internalNotes: NOTE, ...input }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    cars[name] = res.body;
  };
  const car = (name: string) => {
    const found = cars[name];
    if (!found) throw new Error(`no car ${name} was added`);
    return found;
  };
  const shopper = (path: string, query: Record<string, string> = {}) =>
    request(ctx.app).get(`/api/inventory/public${path}`).query(query);
  const idsOf = (res: request.Response) => (res.body.items as Array<{ id: string }>).map((v) => v.id).sort();

  beforeAll(async () => {
    ctx = await startInventoryTestApp();
    group = ctx.newGroup(2);
    [downtown, northside] = group.dealershipIds as [string, string];
    ctx.directory.add({ id: downtown, name: 'Demo Motors Downtown', groupId: group.groupId });
    ctx.directory.add({ id: northside, name: 'Demo Motors Northside', groupId: group.groupId });
    rival = ctx.newDealership();
    await add('forSale', downtown, { make: 'Toyota', model: 'Camry' });
    await add('hidden', downtown, { make: 'Toyota', model: 'Corolla', published: false });
    await add('sold', downtown, { make: 'Toyota', model: 'RAV4', bodyStyle: 'suv', status: 'sold' });
    await add('pending', downtown, {
      make: 'Toyota',
      model: 'Tacoma',
      bodyStyle: 'pickup',
      status: 'pending',
    });
    await add('northCamry', northside, { make: 'Toyota', model: 'Camry' });
    await add('rivalCamry', rival, { make: 'Toyota', model: 'Camry' });
  });
  afterAll(() => ctx.close());

  it('when a shopper searches a dealership, then only its published, available cars are found, without a token', async () => {
    const res = await shopper(`/dealerships/${downtown}/vehicles`, { q: 'toyota' });
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([car('forSale').id]);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0].rooftop).toEqual({ id: downtown, name: 'Demo Motors Downtown' });
    expect(res.headers['cache-control']).toContain('public');
  });

  it('when a website’s browser on another origin searches, then it may read the answer', async () => {
    const res = await shopper(`/dealerships/${downtown}/vehicles`).set(
      'Origin',
      'https://www.demo-motors.example',
    );
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toContain('Search-Fallback');
  });

  it('when the website reads the results, then no cost, internal note, version, status or age is in them', async () => {
    const res = await shopper(`/dealerships/${downtown}/vehicles`);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(String(COST));
    expect(text).not.toContain('floor plan');
    for (const field of [
      'costCents',
      'internalNotes',
      'version',
      'status',
      'daysInStock',
      'published',
      'createdAt',
    ]) {
      expect(res.body.items[0]).not.toHaveProperty(field);
    }
  });

  it('when a shopper opens a car for sale, then its page has its public facts and its rooftop', async () => {
    const res = await shopper(`/dealerships/${downtown}/vehicles/${car('forSale').id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: car('forSale').id, make: 'Toyota', rooftop: { id: downtown } });
    expect(JSON.stringify(res.body)).not.toContain(String(COST));
    expect(res.body).not.toHaveProperty('internalNotes');
  });

  it.each(['hidden', 'sold', 'pending'])(
    'when a shopper opens a %s car by its id, then it is 404 as if it did not exist',
    async (name) => {
      const res = await shopper(`/dealerships/${downtown}/vehicles/${car(name).id}`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(car(name).stockNumber);
    },
  );

  it('when a website asks for another dealership’s car under its own id, then it is 404', async () => {
    const res = await shopper(`/dealerships/${downtown}/vehicles/${car('rivalCamry').id}`);
    expect(res.status).toBe(404);
  });

  it('when a website searches for another dealership’s stock number or VIN, then nothing is found', async () => {
    const rivalCar = car('rivalCamry') as unknown as { vin: string; stockNumber: string };
    for (const q of [rivalCar.vin, rivalCar.stockNumber, rivalCar.vin.slice(-6)]) {
      expect((await shopper(`/dealerships/${downtown}/vehicles`, { q })).body.total).toBe(0);
    }
  });

  it('when a shopper asks for status, then it is refused: the public search has no such filter', async () => {
    const res = await shopper(`/dealerships/${downtown}/vehicles`, { status: 'sold' });
    expect(res.status).toBe(400);
  });

  it('when a group website searches, then both rooftops’ cars come, each naming its rooftop, and no rival’s', async () => {
    const res = await shopper(`/groups/${group.groupId}/vehicles`, { q: 'camry' });
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([car('forSale').id, car('northCamry').id].sort());
    const rooftops = (res.body.items as Array<{ rooftop: { name: string } }>)
      .map((v) => v.rooftop.name)
      .sort();
    expect(rooftops).toEqual(['Demo Motors Downtown', 'Demo Motors Northside']);
  });

  it('when a website names a dealership or group that does not exist, then it is 404', async () => {
    const ghost = '0a7c1f52-0b7e-4d55-9b2c-7f0d3a1e9c11';
    expect((await shopper(`/dealerships/${ghost}/vehicles`)).status).toBe(404);
    expect((await shopper(`/groups/${ghost}/vehicles`)).status).toBe(404);
    expect((await shopper(`/dealerships/${ghost}/search-access`)).status).toBe(404);
  });

  it('when the embedded engine runs, then a website is told to search through this API', async () => {
    const res = await shopper(`/dealerships/${downtown}/search-access`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      engine: 'api',
      url: `/api/inventory/public/dealerships/${downtown}/vehicles`,
    });
  });

  it('when a car is unpublished, then the next public search no longer shows it', async () => {
    const before = await shopper(`/dealerships/${northside}/vehicles`);
    expect(idsOf(before)).toEqual([car('northCamry').id]);
    await request(ctx.app)
      .patch(`/api/inventory/vehicles/${car('northCamry').id}`)
      .auth(await ctx.tokenFor('manager', northside), { type: 'bearer' })
      .set('X-Dealership-Id', northside)
      .set('If-Match', '"v1"')
      .send({ published: false });
    const after = await shopper(`/dealerships/${northside}/vehicles`);
    expect(idsOf(after)).toEqual([]);
  });

  it('documents the public inventory API in OpenAPI', async () => {
    const res = await request(ctx.app).get('/api/inventory/openapi.json');
    const paths = res.body.paths;
    expect(paths['/api/inventory/public/dealerships/{dealershipId}/vehicles'].get.operationId).toBe(
      'searchPublicVehicles',
    );
    // No token: the operation overrides the document's bearer requirement with none.
    expect(paths['/api/inventory/public/dealerships/{dealershipId}/vehicles'].get.security).toEqual([]);
    expect(paths['/api/inventory/public/groups/{groupId}/vehicles']).toBeDefined();
  });
});
