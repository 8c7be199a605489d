import { LRUCache } from 'lru-cache';

const TTL_MS = 30_000;

export interface SiteOriginsOptions {
  /** Dealerships kept; the least recently used go first. */
  max: number;
  ttlMs?: number;
}

/**
 * The website origins each dealership allows to post its forms, kept for 30 s per instance:
 * preflights and posts would otherwise read MySQL on every form view. The cache is bounded, and an
 * id no dealership has is never kept, so made-up ids (the public route takes any) cannot fill
 * memory or push real dealerships out; the rate limit in front bounds what they cost MySQL.
 */
export class SiteOrigins {
  private readonly cache: LRUCache<string, readonly string[]>;

  constructor(
    private readonly lookup: (dealershipId: string) => Promise<readonly string[] | null>,
    options: SiteOriginsOptions,
  ) {
    this.cache = new LRUCache({ max: options.max, ttl: options.ttlMs ?? TTL_MS });
  }

  /** Null when no dealership takes leads under this id. */
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
