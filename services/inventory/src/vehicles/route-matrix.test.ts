import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describeRouteMatrix } from '@showroom/server-testing/matrix';
import { inventoryRoutes } from '../routes';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { freshVin, vehicleInput } from '../test/vehicle-fixtures';
import { feedImportExamples } from '../feed-import/route-examples';
import { photoFetchExamples } from '../photo-robot/route-examples';
import { photoExamples } from '../photos/route-examples';
import { syndicationExamples } from '../syndication/route-examples';

/** A vehicle on the lot of `dealershipId`, added through the API by its manager. */
async function vehicleOf(
  ctx: InventoryTestContext,
  dealershipId: string,
): Promise<{ id: string; vin: string }> {
  const res = await request(ctx.app)
    .post('/api/inventory/vehicles')
    .auth(await ctx.tokenFor('manager', dealershipId), { type: 'bearer' })
    .set('X-Dealership-Id', dealershipId)
    .send(vehicleInput());
  if (res.status !== 201) throw new Error(`could not add a vehicle: ${JSON.stringify(res.body)}`);
  return res.body;
}

const ofAVehicle = async (ctx: InventoryTestContext, dealershipId: string) => ({
  params: { id: (await vehicleOf(ctx, dealershipId)).id },
  headers: { 'If-Match': '"v1"' },
});

describeRouteMatrix<InventoryTestContext>({
  service: 'inventory',
  routes: inventoryRoutes,
  start: () => startInventoryTestApp(),
  newDealership: async (ctx) => ctx.newDealership(),
  examples: {
    ...photoFetchExamples,
    ...photoExamples,
    ...feedImportExamples,
    ...syndicationExamples,
    listVehicles: { request: () => ({ query: { sort: 'price' } }) },
    searchGroupVehicles: { request: () => ({ query: { q: 'camry', facets: 'make,price' } }) },
    searchPublicVehicles: { request: (_ctx, dealershipId) => ({ params: { dealershipId } }) },
    searchPublicGroupVehicles: { request: (ctx) => ({ params: { groupId: ctx.newGroup(2).groupId } }) },
    getPublicVehicle: {
      request: async (ctx, dealershipId) => ({
        params: { dealershipId, vehicleId: (await vehicleOf(ctx, dealershipId)).id },
      }),
    },
    getDealershipSearchAccess: { request: (_ctx, dealershipId) => ({ params: { dealershipId } }) },
    getGroupSearchAccess: { request: (ctx) => ({ params: { groupId: ctx.newGroup(1).groupId } }) },
    addVehicle: { request: () => ({ body: vehicleInput() }) },
    suggestStockNumber: { request: () => ({ query: { condition: 'new' } }) },
    getVehicle: { namesRecord: true, request: ofAVehicle },
    updateVehicle: {
      namesRecord: true,
      request: async (ctx, dealershipId) => ({
        ...(await ofAVehicle(ctx, dealershipId)),
        body: { priceCents: 1 },
      }),
    },
    deleteVehicle: { namesRecord: true, request: ofAVehicle },
    decodeVin: { namesRecord: false, request: () => ({ params: { vin: freshVin() } }) },
    holdVehicleForReservation: {
      request: async (ctx, dealershipId) => ({
        params: { dealershipId, vehicleId: (await vehicleOf(ctx, dealershipId)).id },
        body: { reservationId: randomUUID(), until: new Date(Date.now() + 86_400_000).toISOString() },
      }),
    },
    releaseVehicleHold: {
      request: async (ctx, dealershipId) => ({
        params: {
          dealershipId,
          vehicleId: (await vehicleOf(ctx, dealershipId)).id,
          reservationId: randomUUID(),
        },
      }),
    },
    lookUpVehicleForService: {
      request: async (ctx, dealershipId) => ({
        params: { dealershipId },
        query: { vin: (await vehicleOf(ctx, dealershipId)).vin },
      }),
    },
  },
});
