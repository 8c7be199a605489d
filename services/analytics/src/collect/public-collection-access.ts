import express, { Router, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { MAX_SHOPPER_BATCH_BYTES, PROBLEM_TYPES } from '@showroom/contracts';
import { HttpProblem, publicRouteLimits, siteCors } from '@showroom/server-kit';
import type { DealershipDirectory } from '../peers/dealership-directory';

/** Every public analytics path starts so: CORS finds the dealership's websites by the id in it. */
export const PUBLIC_COLLECT_PREFIX = '/api/analytics/public/dealerships/:dealershipId';

/**
 * Body types a batch comes as. `navigator.sendBeacon` with a string sends `text/plain`, which a
 * browser may post across origins without a preflight — the only way a page being closed can still
 * send its last events. Either type is parsed as JSON.
 */
export const BATCH_MEDIA_TYPES = ['application/json', 'text/plain'] as const;

export interface CollectRateLimits {
  perAddress: number;
  perDealership: number;
  windowSeconds: number;
  /** Keeps the counters of platforms that share a Redis apart (the schema's name). */
  namespace: string;
}

/** The title of the answer to a call without an Origin header: what was missing, and who may call. */
export const ORIGIN_REQUIRED_TITLE = 'An Origin header is required';

/**
 * Only a browser on one of the dealership's websites may call the collection routes, and a browser
 * always says where the page is: it sends Origin with every POST (fetch and sendBeacon alike) and
 * with every cross-origin GET, and the tracker's calls are all cross-origin (the sites are the
 * dealership's hosts, the API is the platform's edge). A call without one is a script, which
 * site CORS would let through (it lets servers call retail's public routes), free to write shopper
 * events for any dealership. Refused first, before a rate-limit counter, a directory lookup or
 * the body: it costs nothing.
 */
export const requireOrigin: RequestHandler = (req, _res, next) => {
  if (req.get('origin')) return next();
  next(
    new HttpProblem(
      403,
      PROBLEM_TYPES.forbidden,
      ORIGIN_REQUIRED_TITLE,
      'Shopper events and collection rules are for the dealership’s websites only; a browser on one of them sends Origin.',
    ),
  );
};

/**
 * How shoppers' browsers reach the collection routes, as they reach retail's public ones: a call
 * without an Origin is refused at once, then rate limits (before anything is looked up, so a flood
 * costs a Redis counter), then CORS limited to the dealership's website origins as the users
 * service names them (an unknown dealership is 404), then a JSON body of at most
 * MAX_SHOPPER_BATCH_BYTES.
 */
export class PublicCollectionAccess {
  private readonly cors: RequestHandler;
  private readonly limits: { preflight: RequestHandler; call: RequestHandler };
  private readonly body = express.json({
    type: [...BATCH_MEDIA_TYPES],
    limit: MAX_SHOPPER_BATCH_BYTES,
    strict: true,
  });

  constructor(directory: DealershipDirectory, redis: Redis, limits: CollectRateLimits) {
    this.cors = siteCors({
      origins: { of: async (id) => (await directory.storefront(id))?.siteOrigins ?? null },
      methods: ['GET', 'POST'],
      headers: ['Content-Type'],
      exposedHeaders: ['Retry-After', 'X-Request-Id'],
      unknownDealershipIsNotFound: true,
    });
    this.limits = publicRouteLimits(redis, { ...limits, prefix: `analytics:rl:${limits.namespace}` });
  }

  /** A collection route's middleware: an Origin, the limits, CORS, then the batch's body when it has one. */
  middleware(options: { body: boolean }): RequestHandler[] {
    return [requireOrigin, this.limits.call, this.cors, ...(options.body ? [this.body] : [])];
  }

  /** CORS preflights of the collection paths (a `fetch` with JSON sends one): limited all the same. */
  preflight(): Router {
    const router = Router();
    router.options(`${PUBLIC_COLLECT_PREFIX}/*rest`, this.limits.preflight, this.cors);
    return router;
  }
}
