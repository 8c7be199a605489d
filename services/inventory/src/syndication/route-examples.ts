import type { RouteExample } from '@showroom/server-testing/matrix';
import type { InventoryTestContext } from '../test/inventory-test-app';
import { addVehicleThroughApi } from '../test/vehicle-fixtures';

/** The price history and syndication routes in the inventory route matrix. */
export const syndicationExamples: Record<string, RouteExample<InventoryTestContext>> = {
  getVehiclePriceHistory: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({ params: { id: await addVehicleThroughApi(ctx, dealershipId) } }),
  },
  getSyndicationSettings: { request: () => ({}) },
  putSyndicationSettings: {
    request: () => ({
      body: {
        storeCode: 'STORE-1',
        address: { street: '1 Main St.', city: 'Springfield', region: 'IL', postalCode: '62701' },
        channels: { google: true },
      },
    }),
  },
  listSyndicationChannels: { request: () => ({}) },
  getSyndicationChannelReport: { namesRecord: false, request: () => ({ params: { channel: 'meta' } }) },
  regenerateSyndicationFeeds: { request: () => ({}) },
  rotateSyndicationSecret: { request: () => ({}) },
};
