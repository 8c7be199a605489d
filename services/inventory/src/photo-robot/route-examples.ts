import type { RouteExample } from '@showroom/server-testing/matrix';
import type { InventoryTestContext } from '../test/inventory-test-app';
import { addVehicleThroughApi } from '../test/vehicle-fixtures';

/** A documentation address (TEST-NET-1): the robot refuses it at once, so examples reach no network. */
const UNREACHABLE_IMAGE = 'http://192.0.2.1/car.jpg';

/** The photo robot's routes in the inventory route matrix. */
export const photoFetchExamples: Record<string, RouteExample<InventoryTestContext>> = {
  startPhotoFetch: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({
      params: { id: await addVehicleThroughApi(ctx, dealershipId) },
      body: { urls: [UNREACHABLE_IMAGE] },
    }),
  },
  listVehiclePhotoFetches: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({ params: { id: await addVehicleThroughApi(ctx, dealershipId) } }),
  },
  getPhotoFetch: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({
      params: {
        jobId: await ctx.inventory.photoRobot.queue.enqueue(
          dealershipId,
          await addVehicleThroughApi(ctx, dealershipId),
          [UNREACHABLE_IMAGE],
          { kind: 'dealer', userId: 'auth0|matrix' },
        ),
      },
    }),
  },
};
