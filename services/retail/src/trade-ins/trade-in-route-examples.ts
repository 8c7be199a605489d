import request from 'supertest';
import {
  DEAL_ACCESS_HEADER,
  type DealStarted,
  type DealTradeIn,
  type TradeInInput,
} from '@showroom/contracts';
import type { RouteExample } from '@showroom/server-testing/matrix';
import { FINANCE_60, publicDeals } from '../deals/deal-test-support';
import type { RetailTestContext } from '../test/retail-test-app';
import { GOOD_CONDITION, HONDA_2003_VIN, smallPhoto } from './trade-in-test-support';

const TRADE: TradeInInput = {
  vin: HONDA_2003_VIN,
  model: 'Accord',
  mileage: 120_000,
  condition: GOOD_CONDITION,
  payoffCents: 0,
};

/** A shopper's new deal at `dealershipId`, through the public route. */
async function startedDeal(ctx: RetailTestContext, dealershipId: string): Promise<DealStarted> {
  const res = await request(ctx.app)
    .post(publicDeals(dealershipId))
    .send({
      vehicleId: ctx.peers.addVehicle(dealershipId).id,
      shopper: { firstName: 'Matrix', lastName: 'Trader', email: 'matrix.trader@example.com' },
      structure: FINANCE_60,
    });
  if (res.status !== 201)
    throw new Error(`starting a deal answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as DealStarted;
}

/** A deal with a trade-in (and, with `photo`, one photo of it): its access token and the trade. */
async function dealWithTrade(ctx: RetailTestContext, dealershipId: string, photo = false) {
  const started = await startedDeal(ctx, dealershipId);
  const base = `${publicDeals(dealershipId)}/${started.deal.id}`;
  let trade = (
    await request(ctx.app)
      .put(`${base}/trade-in`)
      .set(DEAL_ACCESS_HEADER, started.accessToken)
      .send(TRADE)
      .expect(200)
  ).body as DealTradeIn;
  if (photo) {
    trade = (
      await request(ctx.app)
        .post(`${base}/trade-in/photos`)
        .set(DEAL_ACCESS_HEADER, started.accessToken)
        .attach('photos', await smallPhoto(), 'front.png')
        .expect(201)
    ).body as DealTradeIn;
  }
  return { started, trade };
}

const shopperCall = (started: DealStarted, dealershipId: string) => ({
  params: { dealershipId, dealId: started.deal.id },
  headers: { [DEAL_ACCESS_HEADER]: started.accessToken },
});

/** A valid request of each trade-in route, for the route matrix (src/route-matrix.test.ts). */
export const tradeInRouteExamples: Record<string, RouteExample<RetailTestContext>> = {
  putTradeIn: {
    request: async (ctx, dealershipId) => ({
      ...shopperCall(await startedDeal(ctx, dealershipId), dealershipId),
      body: TRADE,
    }),
  },
  addTradeInPhotos: {
    request: async (ctx, dealershipId) => {
      const { started } = await dealWithTrade(ctx, dealershipId);
      return {
        ...shopperCall(started, dealershipId),
        files: [{ field: 'photos', name: 'car.png', bytes: await smallPhoto() }],
      };
    },
  },
  // An <img> on the website: the signed path the deal view carries, no header.
  showShopperTradeInPhoto: {
    request: async (ctx, dealershipId) => {
      const { started, trade } = await dealWithTrade(ctx, dealershipId, true);
      const photo = trade.photos[0];
      if (!photo) throw new Error('the photo was not added');
      const sig = new URL(photo.url, 'http://retail.test').searchParams.get('sig') ?? '';
      return { params: { dealershipId, dealId: started.deal.id, photoId: photo.id }, query: { sig } };
    },
  },
  showTradeInPhoto: {
    namesRecord: true,
    request: async (ctx, dealershipId) => {
      const { started, trade } = await dealWithTrade(ctx, dealershipId, true);
      return { params: { dealId: started.deal.id, photoId: trade.photos[0]?.id ?? '' } };
    },
  },
  appraiseTradeIn: {
    namesRecord: true,
    request: async (ctx, dealershipId) => {
      const { started } = await dealWithTrade(ctx, dealershipId);
      return { params: { dealId: started.deal.id }, body: { valueCents: 450_000, note: 'As described.' } };
    },
  },
};
