import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { problems } from './problem';

const TTL_MS = 30_000;

/** Where the browser origins of a dealership's websites come from. */
export interface DealershipOrigins {
  /** Null when no dealership has this id. */
  of(dealershipId: string): Promise<readonly string[] | null>;
}

export interface SiteOriginsOptions {
  /** Dealerships kept; the least recently used go first. */
  max: number;
  ttlMs?: number;
}

/**
 * The website origins of each dealership, kept for 30 s per instance: preflights and public calls
 * would otherwise ask the source (a table, another service) on every page view. The cache is
 * bounded, and an id no dealership has is never kept, so made-up ids (public routes take any) cannot
 * fill memory or push real dealerships out; the rate limit in front bounds what they cost the source.
 */
export class SiteOrigins implements DealershipOrigins {
  private readonly cache: LRUCache<string, readonly string[]>;

  constructor(
    private readonly lookup: (dealershipId: string) => Promise<readonly string[] | null>,
    options: SiteOriginsOptions,
  ) {
    this.cache = new LRUCache({ max: options.max, ttl: options.ttlMs ?? TTL_MS });
  }

  /** Null when no dealership has this id. */
  async of(dealershipId: string): Promise<readonly string[] | null> {
    const hit = this.cache.get(dealershipId);
    if (hit) return hit;
    const origins = await this.lookup(dealershipId);
    if (origins) this.cache.set(dealershipId, origins);
    return origins;
  }

  forget(dealershipId: string): void {
    this.cache.delete(dealershipId);
  }

  /** Dealerships held now. */
  get size(): number {
    return this.cache.size;
  }
}

export interface SiteCorsOptions {
  origins: DealershipOrigins;
  /** Answered to a preflight as Access-Control-Allow-Methods. */
  methods: readonly string[];
  /** Answered to a preflight as Access-Control-Allow-Headers. */
  headers: readonly string[];
  /** Response headers a site's script may read. */
  exposedHeaders?: readonly string[];
  /**
   * Look the dealership up on every request (with an Origin or not) and answer 404 when no
   * dealership has the id; otherwise requests without an Origin pass unchecked and an unknown
   * dealership is an origin that is not allowed.
   */
  unknownDealershipIsNotFound?: boolean;
}

const dealershipParams = z.object({ dealershipId: z.uuid() });
const DEFAULT_EXPOSED = ['Location', 'Retry-After', 'X-Request-Id'];

/**
 * CORS for routes a dealership's websites call, the dealership named by `:dealershipId` in the path:
 * only the origins it registered may call from a browser. Requests without an Origin (a server
 * calling) are allowed; the rate limit in front still applies. A preflight from an origin that is not
 * the dealership's is answered 204 without CORS headers (the browser then refuses the call).
 */
export function siteCors(options: SiteCorsOptions): RequestHandler {
  const allowMethods = options.methods.join(', ');
  const allowHeaders = options.headers.join(', ');
  const exposed = (options.exposedHeaders ?? DEFAULT_EXPOSED).join(', ');
  return async (req, res, next) => {
    const origin = req.get('origin');
    const parsed = dealershipParams.safeParse(req.params);
    if (!parsed.success || (!origin && !options.unknownDealershipIsNotFound)) return next();
    const allowed = await options.origins.of(parsed.data.dealershipId.toLowerCase());
    if (!allowed && options.unknownDealershipIsNotFound) return next(problems.notFound('The dealership'));
    if (!origin) return next();
    if (!allowed?.includes(origin)) {
      if (req.method === 'OPTIONS') return void res.status(204).end();
      return next(problems.forbidden(`Origin ${origin} is not one of this dealership's websites.`));
    }
    res.set({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
    if (req.method === 'OPTIONS') {
      res
        .set({
          'Access-Control-Allow-Methods': allowMethods,
          'Access-Control-Allow-Headers': allowHeaders,
          'Access-Control-Max-Age': '600',
        })
        .status(204)
        .end();
      return;
    }
    res.set('Access-Control-Expose-Headers', exposed);
    next();
  };
}
