import request from 'supertest';
import { expect } from 'vitest';
import {
  DEAL_ACCESS_HEADER,
  type DealershipStorefront,
  type DealStarted,
  type DealStructure,
  type PublicVehicle,
} from '@showroom/contracts';
import type { RetailTestContext, TestMember } from '../test/retail-test-app';

/** What a shopper picks on the vehicle page: finance, $3,000 down over 60 months, good credit. */
export const FINANCE_60: DealStructure = {
  kind: 'finance',
  downPaymentCents: 300_000,
  termMonths: 60,
  creditTier: 'good',
  products: [],
};

export const LEASE_36: DealStructure = {
  kind: 'lease',
  downPaymentCents: 200_000,
  termMonths: 36,
  creditTier: 'excellent',
  products: [],
};

export const publicDeals = (dealershipId: string) => `/api/retail/public/dealerships/${dealershipId}/deals`;

/** A dealership of its own with a vehicle for sale, and the salesperson its new deal leads go to. */
export async function dealershipWithCar(ctx: RetailTestContext) {
  const storefront = ctx.newDealership();
  const vehicle = ctx.peers.addVehicle(storefront.dealershipId);
  const sales = await ctx.member('sales', storefront.dealershipId, 'Sara Sales');
  ctx.peers.assignees.set(storefront.dealershipId, sales.id);
  return { storefront, vehicle, sales };
}

export interface ShopperOnSite {
  storefront: DealershipStorefront;
  dealId: string;
  accessToken: string;
  started: DealStarted;
  /** A request from the dealership's website with the deal's access token (or another token). */
  call(method: 'get' | 'put' | 'post', path?: string, token?: string): request.Test;
}

/** A shopper starts a deal on the vehicle from the dealership's website. */
export async function startDeal(
  ctx: RetailTestContext,
  storefront: DealershipStorefront,
  vehicle: PublicVehicle,
  structure: DealStructure = FINANCE_60,
  shopper = {
    firstName: 'Dana',
    lastName: 'Driver',
    email: 'dana.driver@example.com',
    phone: '614-555-0142',
  },
): Promise<ShopperOnSite> {
  const origin = storefront.siteOrigins[0] as string;
  const res = await request(ctx.app)
    .post(publicDeals(storefront.dealershipId))
    .set('Origin', origin)
    .send({ vehicleId: vehicle.id, shopper, structure })
    .expect(201);
  const started = res.body as DealStarted;
  const dealId = started.deal.id;
  const base = `${publicDeals(storefront.dealershipId)}/${dealId}`;
  return {
    storefront,
    dealId,
    accessToken: started.accessToken,
    started,
    call: (method, path = '', token = started.accessToken) =>
      request(ctx.app)[method](`${base}${path}`).set('Origin', origin).set(DEAL_ACCESS_HEADER, token),
  };
}

/** Someone at the dealership in the portal. */
export function atDesk(ctx: RetailTestContext, member: TestMember, dealershipId: string) {
  const as = (test: request.Test) =>
    test.auth(member.token, { type: 'bearer' }).set('X-Dealership-Id', dealershipId);
  return {
    get: (path: string) => as(request(ctx.app).get(`/api/retail${path}`)),
    post: (path: string, body: object, ifMatch?: string) => {
      const test = as(request(ctx.app).post(`/api/retail${path}`));
      return (ifMatch === undefined ? test : test.set('If-Match', ifMatch)).send(body);
    },
  };
}

/** Runs the outbox until nothing is due (a job that failed is retried within the test's patience). */
export async function runJobs(ctx: RetailTestContext): Promise<void> {
  for (let round = 0; round < 20; round++) {
    if ((await ctx.runDueJobs()) === 0) return;
  }
  expect.fail('jobs kept coming: something enqueues work without end');
}
