import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_VEHICLES_SCOPE, READ_INVENTORY_SCOPE, VehicleHoldSchema } from '@showroom/contracts';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** Retail holding a reserved car with its machine token, and the dealer and the website seeing the result. */
describe('holding a vehicle for an online reservation', () => {
  let ctx: InventoryTestContext;
  let ours: string;
  let theirs: string;
  let retailToken: string;

  const holdPath = (dealershipId: string, vehicleId: string) =>
    `/api/inventory/internal/dealerships/${dealershipId}/vehicles/${vehicleId}/hold`;
  const hold = (dealershipId: string, vehicleId: string, body: object, token = retailToken) =>
    request(ctx.app).put(holdPath(dealershipId, vehicleId)).auth(token, { type: 'bearer' }).send(body);
  const release = (dealershipId: string, vehicleId: string, reservationId: string) =>
    request(ctx.app)
      .delete(`${holdPath(dealershipId, vehicleId)}/${reservationId}`)
      .auth(retailToken, { type: 'bearer' });

  const asManager = async (dealershipId: string, test: request.Test) =>
    test
      .auth(await ctx.tokenFor('manager', dealershipId), { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId);
  const addVehicle = async (dealershipId: string) => {
    const res = await asManager(
      dealershipId,
      request(ctx.app).post('/api/inventory/vehicles').send(vehicleInput()),
    );
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };
  const dealerView = async (dealershipId: string, vehicleId: string) =>
    (await asManager(dealershipId, request(ctx.app).get(`/api/inventory/vehicles/${vehicleId}`))).body as {
      status: string;
      version: number;
    };
  const markSold = async (dealershipId: string, vehicleId: string) => {
    const { version } = await dealerView(dealershipId, vehicleId);
    const res = await asManager(
      dealershipId,
      request(ctx.app)
        .patch(`/api/inventory/vehicles/${vehicleId}`)
        .set('If-Match', `"v${version}"`)
        .send({ status: 'sold' }),
    );
    expect(res.status).toBe(200);
  };
  const onWebsite = async (dealershipId: string, vehicleId: string) =>
    (await request(ctx.app).get(`/api/inventory/public/dealerships/${dealershipId}/vehicles/${vehicleId}`))
      .status;

  beforeAll(async () => {
    ctx = await startInventoryTestApp();
    ours = ctx.newDealership();
    theirs = ctx.newDealership();
    retailToken = await ctx.issuer.machineToken('showroom-services', [HOLD_VEHICLES_SCOPE]);
  });
  afterAll(() => ctx.close());

  it('when retail holds a car on sale for a paid reservation, then it is pending for the dealer, gone from the website, and a retry answers the same', async () => {
    const vehicle = await addVehicle(ours);
    const input = { reservationId: randomUUID(), until: inHours(48) };

    const first = await hold(ours, vehicle.id, input);

    expect(first.status).toBe(200);
    expect(VehicleHoldSchema.parse(first.body)).toEqual({ vehicleId: vehicle.id, ...input });
    const held = await dealerView(ours, vehicle.id);
    expect(held.status).toBe('pending');
    expect(held.version).toBe(vehicle.version + 1);
    expect(await onWebsite(ours, vehicle.id)).toBe(404);

    const retry = await hold(ours, vehicle.id, { ...input, until: inHours(72) });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await dealerView(ours, vehicle.id)).version).toBe(held.version);
  });

  it('when that reservation releases the hold, then the car is on sale again, and releasing twice is harmless', async () => {
    const vehicle = await addVehicle(ours);
    const reservationId = randomUUID();
    expect((await hold(ours, vehicle.id, { reservationId, until: inHours(24) })).status).toBe(200);

    expect((await release(ours, vehicle.id, reservationId)).status).toBe(204);
    expect((await dealerView(ours, vehicle.id)).status).toBe('available');
    expect(await onWebsite(ours, vehicle.id)).toBe(200);

    expect((await release(ours, vehicle.id, reservationId)).status).toBe(204);
    expect((await dealerView(ours, vehicle.id)).status).toBe('available');
  });

  it('when the search index follows the change feed, then a held car leaves the website’s search and comes back on release', async () => {
    const vehicle = await addVehicle(ours);
    const reservationId = randomUUID();
    const listed = async () => {
      const res = await request(ctx.app).get(`/api/inventory/public/dealerships/${ours}/vehicles`);
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ id: string }>).some((item) => item.id === vehicle.id);
    };
    expect(await listed()).toBe(true);

    await hold(ours, vehicle.id, { reservationId, until: inHours(24) });
    expect(await listed()).toBe(false);

    await release(ours, vehicle.id, reservationId);
    expect(await listed()).toBe(true);
  });

  it('when another reservation asks for a held car, or the car is sold or archived, then 409 and the car is left as it was', async () => {
    const held = await addVehicle(ours);
    await hold(ours, held.id, { reservationId: randomUUID(), until: inHours(24) });
    const sold = await addVehicle(ours);
    await markSold(ours, sold.id);

    for (const vehicleId of [held.id, sold.id]) {
      const before = await dealerView(ours, vehicleId);
      const res = await hold(ours, vehicleId, { reservationId: randomUUID(), until: inHours(24) });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await dealerView(ours, vehicleId)).toEqual(before);
    }
  });

  it('when a hold’s time has passed without its release arriving, then another reservation may hold the car', async () => {
    const vehicle = await addVehicle(ours);
    await hold(ours, vehicle.id, { reservationId: randomUUID(), until: inHours(-1) });
    const next = { reservationId: randomUUID(), until: inHours(24) };

    const res = await hold(ours, vehicle.id, next);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ vehicleId: vehicle.id, ...next });
  });

  it('when the dealer sells a held car and the reservation is released afterwards, then it stays sold', async () => {
    const vehicle = await addVehicle(ours);
    const reservationId = randomUUID();
    await hold(ours, vehicle.id, { reservationId, until: inHours(24) });
    await markSold(ours, vehicle.id);

    expect((await release(ours, vehicle.id, reservationId)).status).toBe(204);
    expect((await dealerView(ours, vehicle.id)).status).toBe('sold');
  });

  it('when a release names a reservation that does not hold the car, then the hold stays', async () => {
    const vehicle = await addVehicle(ours);
    await hold(ours, vehicle.id, { reservationId: randomUUID(), until: inHours(24) });

    expect((await release(ours, vehicle.id, randomUUID())).status).toBe(204);
    expect((await dealerView(ours, vehicle.id)).status).toBe('pending');
  });

  it('when retail names a vehicle of another dealership, or none, then 404 for both routes and the car is untouched', async () => {
    const theirVehicle = await addVehicle(theirs);
    const reservationId = randomUUID();
    expect((await hold(theirs, theirVehicle.id, { reservationId, until: inHours(24) })).status).toBe(200);

    const answers = [
      await hold(ours, theirVehicle.id, { reservationId: randomUUID(), until: inHours(24) }),
      await release(ours, theirVehicle.id, reservationId),
      await hold(ours, randomUUID(), { reservationId: randomUUID(), until: inHours(24) }),
    ];

    expect(answers.map((res) => res.status)).toEqual([404, 404, 404]);
    for (const res of answers) expect(JSON.stringify(res.body)).not.toContain(theirs);
    expect((await dealerView(theirs, theirVehicle.id)).status).toBe('pending');
  });

  it('when a service holds only read:inventory, or the body is not a hold, then it is refused', async () => {
    const vehicle = await addVehicle(ours);
    const reader = await ctx.issuer.machineToken('showroom-services', [READ_INVENTORY_SCOPE]);
    const input = { reservationId: randomUUID(), until: inHours(24) };

    expect((await hold(ours, vehicle.id, input, reader)).status).toBe(403);
    const bad = await hold(ours, vehicle.id, { reservationId: 'r-1', until: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'body.reservationId',
      'body.until',
    ]);
    expect((await dealerView(ours, vehicle.id)).status).toBe('available');
  });
});
