import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

/**
 * What a member of another dealership sees and changes: nothing. (That every route refuses a forged
 * X-Dealership-Id and answers 404 for another dealership's record is the route matrix's.)
 */
describe('tenant isolation: a dealership never reaches another one’s vehicles', () => {
  let ctx: InventoryTestContext;
  let ours: string;
  let theirs: string;
  let ownerOfOurs: string;
  let ownerOfTheirs: string;
  let vehicle: { id: string; vin: string; stockNumber: string };
  const as = (token: string, dealershipId: string) => ({
    send: (method: 'get' | 'post' | 'patch' | 'delete', path: string) =>
      request(ctx.app)[method](path).auth(token, { type: 'bearer' }).set('X-Dealership-Id', dealershipId),
  });

  beforeAll(async () => {
    ctx = await startInventoryTestApp();
    ours = ctx.newDealership();
    theirs = ctx.newDealership();
    ownerOfOurs = await ctx.tokenFor('owner', ours);
    ownerOfTheirs = await ctx.tokenFor('owner', theirs);
    const created = await as(ownerOfOurs, ours)
      .send('post', '/api/inventory/vehicles')
      .send(vehicleInput({ stockNumber: 'SECRET1' }));
    vehicle = created.body;
  });
  afterAll(() => ctx.close());

  const unchanged = async () => {
    const res = await as(ownerOfOurs, ours).send('get', `/api/inventory/vehicles/${vehicle.id}`);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.stockNumber).toBe('SECRET1');
  };

  it('list: their list and their search do not contain our vehicle', async () => {
    const res = await as(ownerOfTheirs, theirs).send('get', `/api/inventory/vehicles?q=${vehicle.vin}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    expect(res.body.facets.make).toEqual([]);
  });

  it('group search: their group search does not reach our rooftop', async () => {
    const res = await as(ownerOfTheirs, theirs).send('get', `/api/inventory/group/vehicles?q=${vehicle.vin}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });

  it('public: their website finds nothing of ours, by search or by id', async () => {
    const search = await request(ctx.app).get(
      `/api/inventory/public/dealerships/${theirs}/vehicles?q=SECRET1`,
    );
    const page = await request(ctx.app).get(
      `/api/inventory/public/dealerships/${theirs}/vehicles/${vehicle.id}`,
    );
    expect(search.body.total).toBe(0);
    expect(page.status).toBe(404);
    expect(JSON.stringify(page.body)).not.toContain('SECRET1');
  });

  it('get: our vehicle is 404 for them, with nothing of it in the answer', async () => {
    const res = await as(ownerOfTheirs, theirs).send('get', `/api/inventory/vehicles/${vehicle.id}`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('SECRET1');
  });

  it('update: 404 and our vehicle is unchanged', async () => {
    const res = await as(ownerOfTheirs, theirs)
      .send('patch', `/api/inventory/vehicles/${vehicle.id}`)
      .set('If-Match', '"v1"')
      .send({ priceCents: 1 });
    expect(res.status).toBe(404);
    await unchanged();
  });

  it('delete: 404 and our vehicle is still there', async () => {
    const res = await as(ownerOfTheirs, theirs)
      .send('delete', `/api/inventory/vehicles/${vehicle.id}`)
      .set('If-Match', '"v1"');
    expect(res.status).toBe(404);
    await unchanged();
  });

  it('VIN decode and stock numbers: our VIN and stock numbers mean nothing to them', async () => {
    const decoded = await as(ownerOfTheirs, theirs).send('get', `/api/inventory/vin/${vehicle.vin}`);
    expect(decoded.body.existingVehicleId).toBeNull();
    const sameStock = await as(ownerOfTheirs, theirs)
      .send('post', '/api/inventory/vehicles')
      .send(vehicleInput({ stockNumber: 'SECRET1', vin: vehicle.vin }));
    expect(sameStock.status).toBe(201);
  });

  it('photo robot: they cannot start it on our vehicle, list its jobs or read one', async () => {
    const jobId = await ctx.inventory.photoRobot.queue.enqueue(
      ours,
      vehicle.id,
      ['http://192.0.2.1/SECRET1.jpg'],
      { kind: 'dealer', userId: 'auth0|ours' },
    );
    const start = await as(ownerOfTheirs, theirs)
      .send('post', `/api/inventory/vehicles/${vehicle.id}/photo-fetches`)
      .send({ urls: ['http://192.0.2.1/theirs.jpg'] });
    const list = await as(ownerOfTheirs, theirs).send(
      'get',
      `/api/inventory/vehicles/${vehicle.id}/photo-fetches`,
    );
    const job = await as(ownerOfTheirs, theirs).send('get', `/api/inventory/photo-fetches/${jobId}`);
    expect([start.status, list.status, job.status]).toEqual([404, 404, 404]);
    expect(JSON.stringify(job.body)).not.toContain('SECRET1');
    const ourJobs = await as(ownerOfOurs, ours).send(
      'get',
      `/api/inventory/vehicles/${vehicle.id}/photo-fetches`,
    );
    expect(ourJobs.body.jobs.map((j: { id: string }) => j.id)).toEqual([jobId]);
  });

  it('a request without X-Dealership-Id is refused with 400 naming the header', async () => {
    const res = await request(ctx.app).get('/api/inventory/vehicles').auth(ownerOfOurs, { type: 'bearer' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('X-Dealership-Id');
  });
});
