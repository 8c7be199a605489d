import type { Request, RequestHandler } from 'express';
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

export interface IngestKeyRateLimits {
  perKey: number;
  windowSeconds: number;
  namespace: string;
}

/** One counter: `points` per `windowSeconds` for each key `keyOf` gives a request. */
interface Rule {
  limiter: RateLimiterRedis;
  keyOf: (req: Request) => string;
  /** For the problem's detail: "too many … {what}". */
  what: string;
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
    `Too many requests ${what}; try again in ${retryAfter} s.`,
    undefined,
    { 'Retry-After': String(retryAfter) },
  );
}

/** 429 with Retry-After as soon as one of the rules' counters is spent; every rule counts each request. */
function limitBy(rules: Rule[]): RequestHandler {
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

const addressOf = (req: Request) => req.ip ?? 'unknown';

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
        limiter: limiter(redis, `${prefix}:preflight`, perAddress, windowSeconds),
        keyOf: addressOf,
        what: 'from this address',
      },
    ]),
    post: limitBy([
      {
        limiter: limiter(redis, `${prefix}:addr`, perAddress, windowSeconds),
        keyOf: addressOf,
        what: 'from this address',
      },
      {
        limiter: limiter(redis, `${prefix}:dealer`, perDealership, windowSeconds),
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
      limiter: limiter(redis, `leads:rl:${limits.namespace}:adf`, limits.perKey, limits.windowSeconds),
      keyOf,
      what: 'with this ingest key',
    },
  ]);
}
