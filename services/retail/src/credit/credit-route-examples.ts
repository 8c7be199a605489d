import request from 'supertest';
import { DEAL_ACCESS_HEADER, type DealStarted } from '@showroom/contracts';
import type { RouteExample } from '@showroom/server-testing/matrix';
import type { RetailTestContext } from '../test/retail-test-app';
import { applicationInput } from './credit-test-support';

/** A shopper's new deal at `dealershipId` (on a car of its own), through the public route. */
async function startedDeal(ctx: RetailTestContext, dealershipId: string): Promise<DealStarted> {
  const res = await request(ctx.app)
    .post(`/api/retail/public/dealerships/${dealershipId}/deals`)
    .send({
      vehicleId: ctx.peers.addVehicle(dealershipId).id,
      shopper: { firstName: 'Matrix', lastName: 'Shopper', email: 'matrix.shopper@example.com' },
      structure: {
        kind: 'finance',
        downPaymentCents: 200_000,
        termMonths: 60,
        creditTier: 'good',
        products: [],
      },
    })
    .expect(201);
  return res.body as DealStarted;
}

/**
 * A valid request of each credit route, for the route matrix (src/route-matrix.test.ts): the
 * dealership must be one the users stand-in knows (the matrix's `newDealership`).
 */
export const creditRouteExamples: Record<string, RouteExample<RetailTestContext>> = {
  submitCreditApplication: {
    request: async (ctx, dealershipId) => {
      const started = await startedDeal(ctx, dealershipId);
      return {
        params: { dealershipId, dealId: started.deal.id },
        headers: { [DEAL_ACCESS_HEADER]: started.accessToken },
        body: applicationInput(),
      };
    },
  },
  viewCreditApplication: {
    namesRecord: true,
    request: async (ctx, dealershipId) => {
      const started = await startedDeal(ctx, dealershipId);
      await request(ctx.app)
        .post(`/api/retail/public/dealerships/${dealershipId}/deals/${started.deal.id}/credit-application`)
        .set(DEAL_ACCESS_HEADER, started.accessToken)
        .send(applicationInput())
        .expect(201);
      return { params: { dealId: started.deal.id } };
    },
  },
};
