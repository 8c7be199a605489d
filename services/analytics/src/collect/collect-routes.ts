import {
  CollectionResultSchema,
  CollectionRulesSchema,
  MAX_SHOPPER_BATCH_BYTES,
  ShopperEventBatchSchema,
} from '@showroom/contracts';
import { caller, routeFor, type Route } from '@showroom/server-kit';
import { z } from 'zod';
import {
  BATCH_MEDIA_TYPES,
  PUBLIC_COLLECT_PREFIX,
  type PublicCollectionAccess,
} from './public-collection-access';
import type { ShopperEventCollector } from './shopper-event-collector';

/** What the public collection routes are given (composed in compose-collect.ts). */
export interface CollectRouteDeps {
  collectionAccess: PublicCollectionAccess;
  shopperEvents: ShopperEventCollector;
}

/** How long a browser may reuse the rules: a dealer's change reaches new visits within a minute. */
const RULES_MAX_AGE_SECONDS = 60;

const route = routeFor<CollectRouteDeps>();
const params = z.object({ dealershipId: z.uuid() });

/** The answers every collection route may give before its handler runs. */
const PUBLIC_PROBLEMS: Record<number, string> = {
  403: 'No Origin header (only a browser on one of the dealership’s websites may call), or the Origin is not one of them',
  404: 'No such dealership',
  429: 'Too many requests from this address or for this dealership (Retry-After)',
  503: 'The users service (the dealership’s websites) is not answering; try again shortly (Retry-After)',
};

/** The storefront's public routes: the collection rules, and shopper event batches. */
export const collectRoutes: Route<CollectRouteDeps>[] = [
  route({
    operationId: 'getCollectionRules',
    method: 'get',
    path: `${PUBLIC_COLLECT_PREFIX}/collection`,
    summary: 'What a dealership’s website may collect: its consent rule and the share of visits it sends',
    tag: 'Collection',
    caller: caller.public(),
    params,
    middleware: (deps) => deps.collectionAccess.middleware({ body: false }),
    responses: {
      200: {
        description: `The rules (Cache-Control: public, max-age=${RULES_MAX_AGE_SECONDS})`,
        schema: CollectionRulesSchema,
        headers: ['Cache-Control'],
      },
    },
    problems: PUBLIC_PROBLEMS,
    handler: async ({ params, res }, deps) => {
      const rules = await deps.shopperEvents.rules(params.dealershipId);
      res.set('Cache-Control', `public, max-age=${RULES_MAX_AGE_SECONDS}`);
      return rules;
    },
  }),
  route({
    operationId: 'collectShopperEvents',
    method: 'post',
    path: `${PUBLIC_COLLECT_PREFIX}/events`,
    summary:
      'A batch of shopper events from the dealership’s website (JSON; text/plain as navigator.sendBeacon sends it)',
    tag: 'Collection',
    caller: caller.public(),
    params,
    body: ShopperEventBatchSchema,
    bodyMediaTypes: [...BATCH_MEDIA_TYPES],
    middleware: (deps) => deps.collectionAccess.middleware({ body: true }),
    responses: {
      202: {
        description:
          'Taken: `accepted` events were kept (0 for bots, prefetches, Global Privacy Control and a visit without the consent the dealership asks for; events over a day old are left out)',
        schema: CollectionResultSchema,
      },
    },
    problems: {
      ...PUBLIC_PROBLEMS,
      400: 'Not a batch: `invalidParams` names each bad field (or the body is not JSON)',
      413: `The body is over ${MAX_SHOPPER_BATCH_BYTES} bytes`,
    },
    handler: async ({ params, body, req, res }, deps) => {
      const result = await deps.shopperEvents.collect(params.dealershipId, body, (name) => req.get(name));
      res.status(202).json(result);
    },
  }),
];
