import request from 'supertest';
import type { RouteExample } from '@showroom/server-testing/matrix';
import type { InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

/** A vehicle of `dealershipId`, added through the API by its manager (a price, so a history). */
async function vehicleIdOf(ctx: InventoryTestContext, dealershipId: string): Promise<string> {
  const res = await request(ctx.app)
    .post('/api/inventory/vehicles')
    .auth(await ctx.tokenFor('manager', dealershipId), { type: 'bearer' })
    .set('X-Dealership-Id', dealershipId)
    .send(vehicleInput());
  if (res.status !== 201) throw new Error(`could not add a vehicle: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** The price history and syndication routes in the inventory route matrix. */
export const syndicationExamples: Record<string, RouteExample<InventoryTestContext>> = {
  getVehiclePriceHistory: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({ params: { id: await vehicleIdOf(ctx, dealershipId) } }),
  },
  getSyndicationSettings: { request: () => ({}) },
  putSyndicationSettings: { request: () => ({ body: { storeCode: 'STORE-1', channels: { google: true } } }) },
  listSyndicationChannels: { request: () => ({}) },
  getSyndicationChannelReport: { namesRecord: false, request: () => ({ params: { channel: 'meta' } }) },
  regenerateSyndicationFeeds: { request: () => ({}) },
  rotateSyndicationSecret: { request: () => ({}) },
};
