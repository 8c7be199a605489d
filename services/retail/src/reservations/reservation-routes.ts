import express from 'express';
import { z } from 'zod';
import { DEAL_ACCESS_HEADER, ReservationCheckoutSchema, ReservationSchema } from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { actorNameOf } from '../deals/activity';
import type { DealAccess } from '../deals/deal-access';
import { deskDealParams, shopperDealParams } from '../deals/deal-params';
import type { ShopperAccess } from '../deals/shopper-access';
import { PUBLIC_RETAIL_PREFIX } from '../public-access/public-access';
import { publicRouteFor, type PublicRouteDeps } from '../public-access/public-route';
import type { PaymentWebhook } from './payment-webhook';
import type { ReservationRelease } from './reservation-release';
import type { ReservationService } from './reservation-service';

export interface ReservationRouteDeps extends PublicRouteDeps {
  reservations: ReservationService;
  reservationRelease: ReservationRelease;
  paymentWebhook: PaymentWebhook;
  shopperAccess: ShopperAccess;
  dealAccess: DealAccess;
}

/** The provider's webhook path (configured at the provider: Stripe's dashboard, the sandbox's webhookUrl). */
export const PAYMENT_WEBHOOK_PATH = '/api/retail/webhooks/payments';

/** A provider's event is small; a larger body is not one. */
const WEBHOOK_BODY_LIMIT = '256kb';

const WebhookReceiptSchema = z.object({
  received: z.literal(true),
  outcome: z.enum(['held', 'already-handled', 'refunded', 'ignored']),
});

const publicRoute = publicRouteFor<ReservationRouteDeps>();
const route = routeFor<ReservationRouteDeps>();

export const reservationRoutes = [
  publicRoute({
    operationId: 'startReservation',
    method: 'post',
    path: `${PUBLIC_RETAIL_PREFIX}/deals/:dealId/reservation`,
    tag: 'reservations',
    summary: 'Reserve the deal’s vehicle: a checkout on the payment provider’s page for the deposit',
    params: shopperDealParams,
    headers: [
      {
        name: 'X-Deal-Access',
        required: true,
        description: 'The deal’s access token, or the token of a deal link the shopper was e-mailed',
      },
    ],
    responses: {
      201: {
        description: 'The reservation (awaiting payment) and the page to send the browser to',
        schema: ReservationCheckoutSchema,
      },
    },
    problems: {
      404: 'No such deal, or the X-Deal-Access token does not open it (wrong or expired)',
      409: 'The vehicle is already reserved for the deal, no longer for sale, or the dealership takes no deposits',
      503: 'The payment provider or a service retail relies on is not answering; try again shortly',
    },
    handler: async ({ params, req, res }, { shopperAccess, reservations }) => {
      const deal = await shopperAccess.require(
        params.dealershipId,
        params.dealId,
        req.get(DEAL_ACCESS_HEADER),
      );
      const checkout = await reservations.start(deal, req.get('origin'));
      res.status(201).set('Cache-Control', 'no-store').json(checkout);
    },
  }),
  route({
    operationId: 'receivePaymentEvent',
    method: 'post',
    path: PAYMENT_WEBHOOK_PATH,
    tag: 'reservations',
    summary: 'The payment provider’s events (Stripe-signed): a paid deposit holds its reservation',
    caller: caller.public(),
    headers: [
      {
        name: 'Stripe-Signature',
        required: true,
        description: 't=<time>,v1=<HMAC-SHA256 of "t.body" with the endpoint’s signing secret>',
      },
    ],
    // The signature covers the exact bytes: the body is read raw, never re-serialised.
    middleware: () => [express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT })],
    responses: {
      200: { description: 'Received (a repeat of an event changes nothing)', schema: WebhookReceiptSchema },
    },
    problems: {
      400: 'The signature is missing, too old or not made with the endpoint’s secret',
      413: 'Body too large',
    },
    handler: ({ req }, { paymentWebhook }) =>
      paymentWebhook.receive(
        Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        req.get('stripe-signature'),
      ),
  }),
  route({
    operationId: 'releaseReservation',
    method: 'post',
    path: '/api/retail/deals/:dealId/reservation/release',
    tag: 'reservations',
    summary: 'Release the deal’s reservation: the vehicle is for sale again and a paid deposit refunded',
    caller: caller.user('deals:work'),
    params: deskDealParams,
    responses: { 200: { description: 'The reservation, released', schema: ReservationSchema } },
    problems: {
      404: 'No such deal, or one the caller may not see (a deal of a colleague’s lead)',
      409: 'The deal has no reservation to release',
      503: 'The payment provider is not answering; try again shortly',
    },
    handler: async ({ tenant, principal, params }, { dealAccess, reservationRelease }) => {
      const deal = await dealAccess.require(tenant, principal, params.dealId);
      return reservationRelease.byDesk(deal, actorNameOf(principal));
    },
  }),
];
