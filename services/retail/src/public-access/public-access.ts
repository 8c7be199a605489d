import express, { Router, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { publicRouteLimits, siteCors } from '@showroom/server-kit';
import type { DealershipDirectory } from '../peers/dealership-directory';

/** Every public retail path starts so: CORS finds the dealership's websites by the id in it. */
export const PUBLIC_RETAIL_PREFIX = '/api/retail/public/dealerships/:dealershipId';

/** What a dealership's website may send to the public routes. */
export const PUBLIC_ALLOWED_HEADERS = ['Content-Type', 'X-Deal-Access', 'Idempotency-Key'] as const;
const PUBLIC_METHODS = ['GET', 'POST', 'PUT'] as const;

/** The largest JSON body a public route takes (a credit application with a co-applicant is ~4 kB). */
export const PUBLIC_JSON_LIMIT = '64kb';

export interface PublicRateLimits {
  perAddress: number;
  perDealership: number;
  windowSeconds: number;
  /** Keeps the counters of platforms that share a Redis apart (the schema's name). */
  namespace: string;
}

export interface PublicMiddlewareOptions {
  /** Parse a JSON body (default); false for a multipart upload, which the handler streams itself. */
  json?: boolean;
}

/**
 * How shoppers' browsers reach retail: rate limits first (before anything is looked up), then CORS
 * limited to the dealership's website origins (as the users service names them; an unknown
 * dealership is 404), then a bounded JSON body.
 */
export class PublicAccess {
  private readonly cors: RequestHandler;
  private readonly limits: { preflight: RequestHandler; call: RequestHandler };

  constructor(directory: DealershipDirectory, redis: Redis, limits: PublicRateLimits) {
    this.cors = siteCors({
      origins: { of: async (id) => (await directory.storefront(id))?.siteOrigins ?? null },
      methods: PUBLIC_METHODS,
      headers: PUBLIC_ALLOWED_HEADERS,
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id'],
      unknownDealershipIsNotFound: true,
    });
    this.limits = publicRouteLimits(redis, { ...limits, prefix: `retail:rl:${limits.namespace}` });
  }

  /** A public route's middleware: limit, CORS, then the JSON body unless told otherwise. */
  middleware(options: PublicMiddlewareOptions = {}): RequestHandler[] {
    const json = options.json ?? true;
    return [
      this.limits.call,
      this.cors,
      ...(json ? [express.json({ limit: PUBLIC_JSON_LIMIT, strict: true })] : []),
    ];
  }

  /** CORS preflights of every public path: not operations of the API, limited all the same. */
  preflight(): Router {
    const router = Router();
    router.options(`${PUBLIC_RETAIL_PREFIX}/*rest`, this.limits.preflight, this.cors);
    return router;
  }
}
