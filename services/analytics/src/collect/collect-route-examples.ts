import type { MatrixContext, RouteExample } from '@showroom/server-testing/matrix';

/**
 * A valid request of each public collection route, for the route matrix (src/route-matrix.test.ts):
 * the dealership must be one the users stand-in knows (the matrix's `newDealership`).
 */
export const collectRouteExamples: Record<string, RouteExample<MatrixContext>> = {
  getCollectionRules: { request: (_ctx, dealershipId) => ({ params: { dealershipId } }) },
  collectShopperEvents: {
    request: (_ctx, dealershipId) => ({
      params: { dealershipId },
      body: {
        sessionId: 'f3a9c1d2-5b6e-4f70-8a91-b2c3d4e5f607',
        sampleRate: 1,
        consent: 'implied',
        events: [{ type: 'search', at: new Date().toISOString(), query: 'tacoma', resultCount: 0 }],
      },
    }),
  },
};
