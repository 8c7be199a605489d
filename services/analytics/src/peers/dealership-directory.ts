import { DealershipStorefrontSchema, type DealershipStorefront } from '@showroom/contracts';
import { getFromService, HttpProblem, problems, type ServiceTokens } from '@showroom/server-kit';
import { LRUCache } from 'lru-cache';

const TTL_MS = 30_000;
const UNKNOWN_TTL_MS = 5_000;

/**
 * What the users service says of a dealership (its time zone, website and the site's origins), kept
 * 30 s per instance: reports turn calendar days into instants with the time zone, collection checks a
 * browser's origin against the site's. An id no dealership has is remembered apart and for 5 s only,
 * so made-up ids neither ask users again and again nor push real dealerships out of the cache.
 */
export class DealershipDirectory {
  private readonly cache: LRUCache<string, DealershipStorefront>;
  /** Ids users said no dealership has, kept briefly so a flood of made-up ids asks users once each. */
  private readonly unknown: LRUCache<string, true>;

  constructor(
    private readonly usersApiUrl: string,
    private readonly tokens: ServiceTokens,
    options: { max: number; ttlMs?: number },
  ) {
    this.cache = new LRUCache({ max: options.max, ttl: options.ttlMs ?? TTL_MS });
    // Short and bounded: a dealership created a moment ago is known within seconds, and made-up ids
    // can only push other unknown ids out, never a real dealership's facts.
    this.unknown = new LRUCache({ max: options.max, ttl: UNKNOWN_TTL_MS });
  }

  /** Null when no dealership has this id; a 503 problem when the users service does not answer. */
  async storefront(dealershipId: string): Promise<DealershipStorefront | null> {
    const id = dealershipId.toLowerCase();
    const hit = this.cache.get(id);
    if (hit) return hit;
    if (this.unknown.has(id)) return null;
    const found = await askUsers(() =>
      getFromService(
        this.usersApiUrl,
        `/api/users/internal/dealerships/${encodeURIComponent(id)}/storefront`,
        DealershipStorefrontSchema,
        this.tokens,
      ),
    );
    if (found) this.cache.set(id, found);
    else this.unknown.set(id, true);
    return found;
  }

  /** The dealership's IANA time zone; a 404 problem for a dealership users does not know. */
  async timeZoneOf(dealershipId: string): Promise<string> {
    const storefront = await this.storefront(dealershipId);
    if (!storefront) throw problems.notFound('The dealership');
    return storefront.timeZone;
  }
}

/**
 * Users could not answer (down, timed out, an unexpected status): a 503 problem that tells the caller
 * to try again shortly. The original error stays as `cause` for the logs.
 */
async function askUsers<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    const problem = problems.serviceUnavailable(
      'The users service is not answering just now; try again in a moment.',
    );
    problem.cause = error;
    throw problem;
  }
}
