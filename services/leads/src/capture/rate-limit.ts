import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { clientAddressOf, limitBy, redisRateLimiter } from '@showroom/server-kit';

export interface PublicRateLimits {
  perAddress: number;
  perDealership: number;
  windowSeconds: number;
  /** Keeps the counters of platforms that share a Redis apart (the schema's name). */
  namespace: string;
}

export interface IngestKeyRateLimits {
  perKey: number;
  windowSeconds: number;
  namespace: string;
}

/**
 * The website form's limits, applied before anything else is looked up: per client address (posts
 * and preflights counted apart, so a browser's preflight does not spend its form's allowance) and,
 * for posts, per dealership.
 */
export function publicRateLimits(redis: Redis, limits: PublicRateLimits) {
  const prefix = `leads:rl:${limits.namespace}`;
  const { perAddress, perDealership, windowSeconds } = limits;
  return {
    preflight: limitBy([
      {
        limiter: redisRateLimiter(redis, `${prefix}:preflight`, perAddress, windowSeconds),
        keyOf: clientAddressOf,
        what: 'from this address',
      },
    ]),
    post: limitBy([
      {
        limiter: redisRateLimiter(redis, `${prefix}:addr`, perAddress, windowSeconds),
        keyOf: clientAddressOf,
        what: 'from this address',
      },
      {
        limiter: redisRateLimiter(redis, `${prefix}:dealer`, perDealership, windowSeconds),
        keyOf: (req) => String(req.params['dealershipId'] ?? ''),
        what: 'for this dealership',
      },
    ]),
  };
}

/** Posts per ingest key: `keyOf` names the key (its hash), which the route accepted already. */
export function ingestKeyRateLimit(
  redis: Redis,
  limits: IngestKeyRateLimits,
  keyOf: (req: Request) => string,
): RequestHandler {
  return limitBy([
    {
      limiter: redisRateLimiter(
        redis,
        `leads:rl:${limits.namespace}:adf`,
        limits.perKey,
        limits.windowSeconds,
      ),
      keyOf,
      what: 'with this ingest key',
    },
  ]);
}
