import request from 'supertest';
import { DEAL_ACCESS_HEADER, NO_ADJUSTMENTS, type DealStarted } from '@showroom/contracts';
import type { RouteExample } from '@showroom/server-testing/matrix';
import type { RetailTestContext } from '../test/retail-test-app';
import { DealRepository } from './deal-repository';
import { FINANCE_60, LEASE_36, publicDeals } from './deal-test-support';

const shopper = { firstName: 'Matrix', lastName: 'Shopper', email: 'matrix.shopper@example.com' };

const startInput = (ctx: RetailTestContext, dealershipId: string) => ({
  vehicleId: ctx.peers.addVehicle(dealershipId).id,
  shopper,
  structure: FINANCE_60,
});

/** A shopper's new deal at `dealershipId`, through the public route. */
async function startedDeal(ctx: RetailTestContext, dealershipId: string): Promise<DealStarted> {
  const res = await request(ctx.app)
    .post(publicDeals(dealershipId))
    .send(startInput(ctx, dealershipId))
    .expect(201);
  return res.body as DealStarted;
}

/** A deal the shopper sent to the dealership, and the If-Match of its current version. */
async function submittedDeal(ctx: RetailTestContext, dealershipId: string) {
  const started = await startedDeal(ctx, dealershipId);
  await request(ctx.app)
    .post(`${publicDeals(dealershipId)}/${started.deal.id}/submit`)
    .set(DEAL_ACCESS_HEADER, started.accessToken)
    .expect(200);
  const deal = await new DealRepository(ctx.database.writer).find(dealershipId, started.deal.id);
  return { started, ifMatch: `"v${deal?.version}"` };
}

const counterInput = { structure: FINANCE_60, adjustments: NO_ADJUSTMENTS, message: 'Our best offer.' };

const shopperCall = (started: DealStarted, dealershipId: string) => ({
  params: { dealershipId, dealId: started.deal.id },
  headers: { [DEAL_ACCESS_HEADER]: started.accessToken },
});

/**
 * A valid request of each deal route, for the route matrix (src/route-matrix.test.ts): the
 * dealership must be one the users stand-in knows (the matrix's `newDealership`).
 */
export const dealsRouteExamples: Record<string, RouteExample<RetailTestContext>> = {
  startDeal: {
    request: (ctx, dealershipId) => ({ params: { dealershipId }, body: startInput(ctx, dealershipId) }),
  },
  getShopperDeal: {
    request: async (ctx, dealershipId) => shopperCall(await startedDeal(ctx, dealershipId), dealershipId),
  },
  changeDealStructure: {
    request: async (ctx, dealershipId) => ({
      ...shopperCall(await startedDeal(ctx, dealershipId), dealershipId),
      body: { structure: LEASE_36 },
    }),
  },
  submitDeal: {
    request: async (ctx, dealershipId) => shopperCall(await startedDeal(ctx, dealershipId), dealershipId),
  },
  acceptDealOffer: {
    request: async (ctx, dealershipId) => {
      const { started, ifMatch } = await submittedDeal(ctx, dealershipId);
      const owner = await ctx.member('owner', dealershipId);
      await request(ctx.app)
        .post(`/api/retail/deals/${started.deal.id}/counter-offers`)
        .auth(owner.token, { type: 'bearer' })
        .set('X-Dealership-Id', dealershipId)
        .set('If-Match', ifMatch)
        .send(counterInput)
        .expect(201);
      return { ...shopperCall(started, dealershipId), body: { version: 2 } };
    },
  },
  listDeals: {
    request: async (ctx, dealershipId) => {
      await submittedDeal(ctx, dealershipId);
      return { query: { status: 'submitted', limit: '10' } };
    },
  },
  getDealDesk: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({
      params: { dealId: (await startedDeal(ctx, dealershipId)).deal.id },
    }),
  },
  counterDealOffer: {
    namesRecord: true,
    request: async (ctx, dealershipId) => {
      const { started, ifMatch } = await submittedDeal(ctx, dealershipId);
      return { params: { dealId: started.deal.id }, headers: { 'If-Match': ifMatch }, body: counterInput };
    },
  },
};
