import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { PROBLEM_TYPES } from '@showroom/contracts';
import { HttpProblem } from './problem';

/** One counter: `limiter`'s points for each key `keyOf` gives a request. */
export interface RateLimitRule {
  limiter: RateLimiterRedis;
  keyOf: (req: Request) => string;
  /** For the problem's detail: "too many requests {what}" (e.g. "from this address"). */
  what: string;
}

/**
 * `points` per `durationSeconds` under `keyPrefix`, counted in Redis and so shared by every instance;
 * while Redis is away each instance counts in memory (slower to agree, never down).
 */
export function redisRateLimiter(
  redis: Redis,
  keyPrefix: string,
  points: number,
  durationSeconds: number,
): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: durationSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds }),
  });
}

function tooManyRequests(res: RateLimiterRes, what: string): HttpProblem {
  const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new HttpProblem(
    429,
    PROBLEM_TYPES.tooManyRequests,
    'Too many requests',
    `Too many requests ${what}; try again in ${retryAfter} s.`,
    undefined,
    { 'Retry-After': String(retryAfter) },
  );
}

/** 429 with Retry-After as soon as one of the rules' counters is spent; every rule counts each request. */
export function limitBy(rules: RateLimitRule[]): RequestHandler {
  return async (req, _res, next) => {
    const outcomes = await Promise.allSettled(rules.map((rule) => rule.limiter.consume(rule.keyOf(req))));
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') continue;
      const rejection: unknown = outcome.reason;
      const what = rules[index]?.what ?? '';
      return next(rejection instanceof RateLimiterRes ? tooManyRequests(rejection, what) : rejection);
    }
    next();
  };
}

/** The client's address as the trusted proxies report it (the key of per-address limits). */
export const clientAddressOf = (req: Request): string => req.ip ?? 'unknown';

/** The limits of a service's public routes, as its config names them. */
export interface PublicRouteLimitOptions {
  /** Starts every counter's key, e.g. `retail:rl:<schema>`, so services and platforms sharing a Redis stay apart. */
  prefix: string;
  perAddress: number;
  perDealership: number;
  windowSeconds: number;
}

/**
 * The limits shoppers' browsers meet on a service's public routes, checked before anything is looked
 * up so a flood costs a Redis counter: calls per client address and per dealership (the route's
 * `:dealershipId`, lowercased so the letters' case does not open a second allowance), and CORS
 * preflights per address on a counter of their own, so a browser's preflights do not spend the
 * allowance of its calls. Counters live under `<prefix>:addr`, `<prefix>:dealer` and `<prefix>:preflight`.
 */
export function publicRouteLimits(
  redis: Redis,
  { prefix, perAddress, perDealership, windowSeconds }: PublicRouteLimitOptions,
): { preflight: RequestHandler; call: RequestHandler } {
  const perClient = (name: string): RateLimitRule => ({
    limiter: redisRateLimiter(redis, `${prefix}:${name}`, perAddress, windowSeconds),
    keyOf: clientAddressOf,
    what: 'from this address',
  });
  return {
    preflight: limitBy([perClient('preflight')]),
    call: limitBy([
      perClient('addr'),
      {
        limiter: redisRateLimiter(redis, `${prefix}:dealer`, perDealership, windowSeconds),
        keyOf: (req) => String(req.params['dealershipId'] ?? '').toLowerCase(),
        what: 'for this dealership',
      },
    ]),
  };
}
