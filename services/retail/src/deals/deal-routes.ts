import {
  AcceptOfferInputSchema,
  CounterOfferInputSchema,
  DEAL_ACCESS_HEADER,
  DealDeskSchema,
  DealListQuerySchema,
  DealListSchema,
  DealStartedSchema,
  DealStructureInputSchema,
  ShopperDealSchema,
  StartDealInputSchema,
} from '@showroom/contracts';
import { caller, etagOf, expectedVersion, routeFor, type HeaderDoc } from '@showroom/server-kit';
import type { Response } from 'express';
import { PUBLIC_RETAIL_PREFIX } from '../public-access/public-access';
import { publicRouteFor, type PublicRouteDeps } from '../public-access/public-route';
import type { DealDeskService } from './deal-desk-service';
import { dealershipParams, deskDealParams, shopperDealParams } from './deal-params';
import type { ShopperDealService } from './shopper-deal-service';
import { IDEMPOTENCY_KEY_HEADER, startKeyOf } from './start-keys';

export interface DealRouteDeps extends PublicRouteDeps {
  shopperDeals: ShopperDealService;
  dealDesk: DealDeskService;
}

const accessHeader: HeaderDoc = {
  name: 'X-Deal-Access',
  required: true,
  description:
    'The access token the deal was started with, or the token of a deal link the shopper was e-mailed',
};
const idempotencyKey: HeaderDoc = {
  name: IDEMPOTENCY_KEY_HEADER,
  required: false,
  description:
    'A key the website makes once per filled-in form (a UUID) and sends again on a retry: the same key and form within 24 hours answer the deal they started instead of starting another',
};
const ifMatch: HeaderDoc = {
  name: 'If-Match',
  required: true,
  description: 'The ETag of the deal as last read (GET /deals/:dealId)',
};

/** Every wrong, foreign or expired token answers exactly like a deal that does not exist. */
const noSuchDeal = { 404: 'No such deal, or the X-Deal-Access token does not open it (wrong or expired)' };
/** A salesperson's colleague's deal answers exactly like another dealership's. */
const hidden = {
  404: 'No such deal, or one the caller may not see (a deal of a colleague’s lead)',
  503: 'The leads service is not answering (a salesperson’s access is checked with it)',
};

/** A shopper's deal is theirs alone: no cache may keep it. */
const privately = (res: Response) => res.set('Cache-Control', 'no-store');

const publicRoute = publicRouteFor<DealRouteDeps>();
const route = routeFor<DealRouteDeps>();
const deals = `${PUBLIC_RETAIL_PREFIX}/deals`;
const desk = '/api/retail/deals';

/** The shopper's deal on a dealership's website: no sign-in, the deal's access token proves it. */
export const publicDealRoutes = [
  publicRoute({
    operationId: 'startDeal',
    method: 'post',
    path: deals,
    tag: 'deals',
    summary: 'Start a deal on a vehicle: the price from inventory, the quote from the dealership’s terms',
    params: dealershipParams,
    headers: [idempotencyKey],
    body: StartDealInputSchema,
    responses: {
      201: {
        description: 'The deal, and its access token (shown once: send it as X-Deal-Access)',
        schema: DealStartedSchema,
      },
      200: {
        description:
          'The deal this Idempotency-Key and form started within the last 24 hours, with a new access token (the earlier one no longer opens it)',
        schema: DealStartedSchema,
      },
    },
    problems: {
      400: 'The Idempotency-Key is not 8 to 255 printable characters',
      409: 'The Idempotency-Key already started a deal with other details',
      422: 'The dealership’s terms cannot quote this structure (invalidParams names the field)',
      404: 'No such dealership, or the vehicle is not for sale there',
    },
    handler: async ({ params, body, req, res }, { shopperDeals }) => {
      privately(res);
      if (body.website) {
        // A person never sees the field; answering as usual tells a bot nothing.
        req.log.info({ dealershipId: params.dealershipId }, 'deal not started: honeypot filled');
        return void res.status(201).json(await shopperDeals.startForBot(params.dealershipId, body));
      }
      const startKey = startKeyOf(req.get(IDEMPOTENCY_KEY_HEADER), body);
      const { started, again } = await shopperDeals.start(params.dealershipId, body, startKey);
      res.status(again ? 200 : 201).json(started);
    },
  }),
  publicRoute({
    operationId: 'getShopperDeal',
    method: 'get',
    path: `${deals}/:dealId`,
    tag: 'deals',
    summary: 'The shopper’s deal: its status, the latest offer, trade-in, credit application and reservation',
    params: shopperDealParams,
    headers: [accessHeader],
    responses: { 200: { description: 'The deal', schema: ShopperDealSchema } },
    problems: noSuchDeal,
    handler: ({ params, req, res }, { shopperDeals }) => {
      privately(res);
      return shopperDeals.view(params.dealershipId, params.dealId, req.get(DEAL_ACCESS_HEADER));
    },
  }),
  publicRoute({
    operationId: 'changeDealStructure',
    method: 'put',
    path: `${deals}/:dealId/structure`,
    tag: 'deals',
    summary: 'Change the draft’s payment structure (kind, down payment, term, credit tier, products)',
    params: shopperDealParams,
    headers: [accessHeader],
    body: DealStructureInputSchema,
    responses: { 200: { description: 'The deal, quoted again', schema: ShopperDealSchema } },
    problems: {
      ...noSuchDeal,
      422: 'The dealership’s terms cannot quote this structure (invalidParams names the field)',
      409: 'The deal was sent to the dealership: its structure can no longer change',
    },
    handler: ({ params, body, req, res }, { shopperDeals }) => {
      privately(res);
      return shopperDeals.changeStructure(
        params.dealershipId,
        params.dealId,
        req.get(DEAL_ACCESS_HEADER),
        body.structure,
      );
    },
  }),
  publicRoute({
    operationId: 'submitDeal',
    method: 'post',
    path: `${deals}/:dealId/submit`,
    tag: 'deals',
    summary: 'Send the deal to the dealership (it becomes a lead; the shopper is e-mailed)',
    params: shopperDealParams,
    headers: [accessHeader],
    responses: { 200: { description: 'The deal, submitted', schema: ShopperDealSchema } },
    problems: { ...noSuchDeal, 409: 'The deal was already answered by the dealership' },
    handler: ({ params, req, res }, { shopperDeals }) => {
      privately(res);
      return shopperDeals.submit(params.dealershipId, params.dealId, req.get(DEAL_ACCESS_HEADER));
    },
  }),
  publicRoute({
    operationId: 'acceptDealOffer',
    method: 'post',
    path: `${deals}/:dealId/accept`,
    tag: 'deals',
    summary: 'Accept the dealership’s latest offer, named by its version',
    params: shopperDealParams,
    headers: [accessHeader],
    body: AcceptOfferInputSchema,
    responses: { 200: { description: 'The deal, accepted', schema: ShopperDealSchema } },
    problems: { ...noSuchDeal, 409: 'The version is not the dealership’s latest offer' },
    handler: ({ params, body, req, res }, { shopperDeals }) => {
      privately(res);
      return shopperDeals.accept(
        params.dealershipId,
        params.dealId,
        req.get(DEAL_ACCESS_HEADER),
        body.version,
      );
    },
  }),
];

/** The deal desk in the portal. Salespeople reach only the deals of their own leads (404 otherwise). */
export const deskDealRoutes = [
  route({
    operationId: 'listDeals',
    method: 'get',
    path: desk,
    tag: 'deals',
    summary: 'The deals the caller may see, most recently changed first, by cursor',
    caller: caller.user('deals:read'),
    query: DealListQuerySchema,
    responses: { 200: { description: 'A page of deals', schema: DealListSchema } },
    problems: { 400: 'The cursor is not one this list gave', 503: hidden[503] },
    handler: ({ tenant, query }, { dealDesk }) => dealDesk.list(tenant, query),
  }),
  route({
    operationId: 'getDealDesk',
    method: 'get',
    path: `${desk}/:dealId`,
    tag: 'deals',
    summary: 'One deal with its offers, trade-in, credit application status, reservation, terms and activity',
    caller: caller.user('deals:read'),
    params: deskDealParams,
    responses: { 200: { description: 'The deal', schema: DealDeskSchema, headers: ['ETag'] } },
    problems: hidden,
    handler: async ({ tenant, params, res }, { dealDesk }) => {
      const deal = await dealDesk.detail(tenant, params.dealId);
      res.set('ETag', etagOf(deal.version)).set('Cache-Control', 'no-store');
      return deal;
    },
  }),
  route({
    operationId: 'counterDealOffer',
    method: 'post',
    path: `${desk}/:dealId/counter-offers`,
    tag: 'deals',
    summary: 'Answer the shopper with an offer (quoted on the server); the shopper is e-mailed a link',
    caller: caller.user('deals:work'),
    params: deskDealParams,
    headers: [ifMatch],
    body: CounterOfferInputSchema,
    responses: {
      201: { description: 'The deal with the new offer', schema: DealDeskSchema, headers: ['ETag'] },
    },
    problems: {
      ...hidden,
      422: 'The dealership’s terms cannot quote this structure (invalidParams names the field)',
      409: 'The deal is a draft, or already accepted or withdrawn',
      412: 'The deal changed since it was read',
      428: 'If-Match is missing',
    },
    handler: async ({ tenant, params, body, req, res }, { dealDesk }) => {
      const deal = await dealDesk.counterOffer(tenant, params.dealId, expectedVersion(req), body);
      res.status(201).set('ETag', etagOf(deal.version)).set('Cache-Control', 'no-store').json(deal);
    },
  }),
];

export const dealRoutes = [...publicDealRoutes, ...deskDealRoutes];
