import type { RouteExample } from '@showroom/server-testing/matrix';
import type { AnalyticsTestContext } from '../test/analytics-test-app';

/** Sent as a browser on the dealership's website sends it: the collection routes refuse a call without. */
function originOf(ctx: AnalyticsTestContext, dealershipId: string): Record<string, string> {
  const origin = ctx.users.storefronts.get(dealershipId)?.siteOrigins[0];
  if (!origin) throw new Error(`the users stand-in knows no website of dealership ${dealershipId}`);
  return { Origin: origin };
}

/**
 * A valid request of each public collection route, for the route matrix (src/route-matrix.test.ts):
 * the dealership must be one the users stand-in knows (the matrix's `newDealership`).
 */
export const collectRouteExamples: Record<string, RouteExample<AnalyticsTestContext>> = {
  getCollectionRules: {
    request: (ctx, dealershipId) => ({ params: { dealershipId }, headers: originOf(ctx, dealershipId) }),
  },
  collectShopperEvents: {
    request: (ctx, dealershipId) => ({
      params: { dealershipId },
      headers: originOf(ctx, dealershipId),
      body: {
        sessionId: 'f3a9c1d2-5b6e-4f70-8a91-b2c3d4e5f607',
        sampleRate: 1,
        consent: 'implied',
        events: [{ type: 'search', at: new Date().toISOString(), query: 'tacoma', resultCount: 0 }],
      },
    }),
  },
};
