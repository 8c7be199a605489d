import type { RouteExample } from '@showroom/server-testing/matrix';
import type { RetailTestContext } from '../test/retail-test-app';

/**
 * A valid request of each public quote route, for the route matrix (src/route-matrix.test.ts):
 * the dealership must be one the users stand-in knows (the matrix's `newDealership`).
 */
export const quoteRouteExamples: Record<string, RouteExample<RetailTestContext>> = {
  getRetailTerms: { request: (_ctx, dealershipId) => ({ params: { dealershipId } }) },
  quoteDeal: {
    request: (ctx, dealershipId) => ({
      params: { dealershipId },
      body: {
        vehicleId: ctx.peers.addVehicle(dealershipId).id,
        structure: {
          kind: 'finance',
          downPaymentCents: 200_000,
          termMonths: 60,
          creditTier: 'good',
          products: [],
        },
        trade: null,
      },
    }),
  },
};
