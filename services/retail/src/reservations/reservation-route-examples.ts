import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DealStarted } from '@showroom/contracts';
import { stripeSignature } from '@showroom/server-testing';
import type { RouteExample } from '@showroom/server-testing/matrix';
import { DealRepository } from '../deals/deal-repository';
import type { RetailTestContext } from '../test/retail-test-app';
import { HOUR_MS } from './deposit-payment';
import { ReservationRepository } from './reservation-repository';

/** A deal a shopper started on the dealership's website (a car of its own); its id, token and origin. */
async function dealOf(ctx: RetailTestContext, dealershipId: string) {
  const origin = ctx.peers.storefronts.get(dealershipId)?.siteOrigins[0];
  if (!origin) throw new Error(`the users stand-in does not know dealership ${dealershipId}`);
  const res = await request(ctx.app)
    .post(`/api/retail/public/dealerships/${dealershipId}/deals`)
    .set('Origin', origin)
    .send({
      vehicleId: ctx.peers.addVehicle(dealershipId).id,
      shopper: { firstName: 'Robin', lastName: 'Route', email: 'robin.route@example.com' },
      structure: { kind: 'cash', downPaymentCents: 0, termMonths: 60, creditTier: 'good', products: [] },
    });
  if (res.status !== 201)
    throw new Error(`starting a deal answered ${res.status}: ${JSON.stringify(res.body)}`);
  const { deal, accessToken } = res.body as DealStarted;
  return { dealId: deal.id, accessToken, origin };
}

/** An event of a type reservations do not act on, signed with the app's webhook secret. */
function signedEvent(ctx: RetailTestContext): { body: string; signature: string } {
  const body = JSON.stringify({ id: `evt_matrix_${Date.now()}`, object: 'event', type: 'customer.created' });
  return { body, signature: stripeSignature(body, ctx.config.STRIPE_WEBHOOK_SECRET) };
}

/** A valid request of each reservation route, for the route matrix (src/route-matrix.test.ts). */
export const reservationRouteExamples: Record<string, RouteExample<RetailTestContext>> = {
  startReservation: {
    request: async (ctx, dealershipId) => {
      const { dealId, accessToken, origin } = await dealOf(ctx, dealershipId);
      return { params: { dealershipId, dealId }, headers: { Origin: origin, 'X-Deal-Access': accessToken } };
    },
  },
  receivePaymentEvent: {
    request: (ctx) => {
      const { body, signature } = signedEvent(ctx);
      return { body, contentType: 'application/json', headers: { 'Stripe-Signature': signature } };
    },
  },
  // A deal of the dealership whose deposit was paid: the desk releases it.
  releaseReservation: {
    namesRecord: true,
    request: async (ctx, dealershipId) => {
      const { dealId } = await dealOf(ctx, dealershipId);
      const deal = await new DealRepository(ctx.database.writer).find(dealershipId, dealId);
      if (!deal) throw new Error(`deal ${dealId} is not stored`);
      const paidAt = new Date();
      await new ReservationRepository(ctx.database.writer).insert({
        id: randomUUID(),
        dealership_id: dealershipId,
        deal_id: dealId,
        vehicle_id: deal.vehicle_id,
        deposit_cents: 50_000,
        status: 'held',
        provider: 'stripe',
        checkout_session_id: `cs_test_matrix_${dealId}`,
        paid_at: paidAt,
        held_until: new Date(paidAt.getTime() + 48 * HOUR_MS),
        released_at: null,
      });
      return { params: { dealId } };
    },
  },
};
