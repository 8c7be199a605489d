import request from 'supertest';
import type { RouteExample } from '@showroom/server-testing/matrix';
import type { InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

/** A documentation address (TEST-NET-1): the robot refuses it at once, so examples reach no network. */
const UNREACHABLE_IMAGE = 'http://192.0.2.1/car.jpg';

async function vehicleOf(ctx: InventoryTestContext, dealershipId: string): Promise<string> {
  const res = await request(ctx.app)
    .post('/api/inventory/vehicles')
    .auth(await ctx.tokenFor('manager', dealershipId), { type: 'bearer' })
    .set('X-Dealership-Id', dealershipId)
    .send(vehicleInput());
  if (res.status !== 201) throw new Error(`could not add a vehicle: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** The photo robot's routes in the inventory route matrix. */
export const photoFetchExamples: Record<string, RouteExample<InventoryTestContext>> = {
  startPhotoFetch: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({
      params: { id: await vehicleOf(ctx, dealershipId) },
      body: { urls: [UNREACHABLE_IMAGE] },
    }),
  },
  listVehiclePhotoFetches: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({ params: { id: await vehicleOf(ctx, dealershipId) } }),
  },
  getPhotoFetch: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({
      params: {
        jobId: await ctx.inventory.photoRobot.queue.enqueue(
          dealershipId,
          await vehicleOf(ctx, dealershipId),
          [UNREACHABLE_IMAGE],
          { kind: 'dealer', userId: 'auth0|matrix' },
        ),
      },
    }),
  },
};
