import { DealershipStorefrontSchema, type DealershipStorefront } from '@showroom/contracts';
import { getFromService, type ServiceTokens } from '@showroom/server-kit';
import { LRUCache } from 'lru-cache';
import { askPeer } from './peer-errors';

const TTL_MS = 30_000;

/**
 * What the users service says of a dealership for its shoppers (name, e-mail, website and its
 * origins), kept 30 s per instance: every public call checks its origin with it. A dealership that
 * does not exist is not kept, so made-up ids cannot fill the cache.
 */
export class DealershipDirectory {
  private readonly cache: LRUCache<string, DealershipStorefront>;

  constructor(
    private readonly usersApiUrl: string,
    private readonly tokens: ServiceTokens,
    options: { max: number; ttlMs?: number },
  ) {
    this.cache = new LRUCache({ max: options.max, ttl: options.ttlMs ?? TTL_MS });
  }

  /** Null when no dealership has this id; a 503 problem when the users service does not answer. */
  async storefront(dealershipId: string): Promise<DealershipStorefront | null> {
    const id = dealershipId.toLowerCase();
    const hit = this.cache.get(id);
    if (hit) return hit;
    const found = await askPeer('users', () =>
      getFromService(
        this.usersApiUrl,
        `/api/users/internal/dealerships/${encodeURIComponent(id)}/storefront`,
        DealershipStorefrontSchema,
        this.tokens,
      ),
    );
    if (found) this.cache.set(id, found);
    return found;
  }
}
