import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { PROBLEM_TYPES } from '@showroom/contracts';
import { HttpProblem } from '@showroom/server-kit';

export interface PublicRateLimits {
  perAddress: number;
  perDealership: number;
  windowSeconds: number;
  /** Keeps the counters of platforms that share a Redis apart (the schema's name). */
  namespace: string;
}

/** Counts in Redis, shared by every instance; while Redis is away each instance counts in memory. */
function limiter(redis: Redis, keyPrefix: string, points: number, duration: number): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
  });
}

function tooManyRequests(res: RateLimiterRes, what: string): HttpProblem {
  const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new HttpProblem(
    429,
    PROBLEM_TYPES.tooManyRequests,
    'Too many requests',
    `Too many lead submissions ${what}; try again in ${retryAfter} s.`,
    undefined,
    { 'Retry-After': String(retryAfter) },
  );
}

/** 429 with Retry-After when one client address, or one dealership's form, sends too much. */
export function publicRateLimit(redis: Redis, limits: PublicRateLimits): RequestHandler {
  const prefix = `leads:rl:${limits.namespace}`;
  const byAddress = limiter(redis, `${prefix}:addr`, limits.perAddress, limits.windowSeconds);
  const byDealership = limiter(redis, `${prefix}:dealer`, limits.perDealership, limits.windowSeconds);
  return async (req, _res, next) => {
    const dealershipId = String(req.params['dealershipId'] ?? '');
    const [address, dealership] = await Promise.allSettled([
      byAddress.consume(req.ip ?? 'unknown'),
      byDealership.consume(dealershipId),
    ]);
    for (const [outcome, what] of [
      [address, 'from this address'],
      [dealership, 'for this dealership'],
    ] as const) {
      if (outcome.status === 'fulfilled') continue;
      const rejection: unknown = outcome.reason;
      return next(rejection instanceof RateLimiterRes ? tooManyRequests(rejection, what) : rejection);
    }
    next();
  };
}
