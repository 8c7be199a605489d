import { PublishedSiteSchema, siteConfigKeys, type PublishedSite } from '@showroom/contracts';
import type { ObjectStore } from '@showroom/server-storage';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';

export interface SiteDirectoryOptions {
  /** How long a published site is trusted (SITE_CACHE_SECONDS). */
  ttlMs: number;
  /** How long "no site here" is trusted: short, so a site just provisioned answers at once. */
  unknownTtlMs?: number;
  /** Hosts remembered at most. */
  maxHosts?: number;
}

/** A host's lookup result; `site: null` is a remembered "no site here". */
interface Entry {
  site: PublishedSite | null;
}

const UNKNOWN_TTL_CEILING_MS = 2_000;

/**
 * Which dealership site a host serves: `sites/hosts/<host>.json` in the media bucket, as
 * provisioning publishes it, kept in memory briefly. Concurrent lookups of one host share one S3
 * read; when S3 fails, the last known answer is served rather than an error.
 */
export class SiteDirectory {
  private readonly cache: LRUCache<string, Entry>;

  constructor(
    private readonly store: ObjectStore,
    private readonly logger: Logger,
    options: SiteDirectoryOptions,
  ) {
    const unknownTtl = Math.min(
      options.unknownTtlMs ?? UNKNOWN_TTL_CEILING_MS,
      UNKNOWN_TTL_CEILING_MS,
      options.ttlMs,
    );
    this.cache = new LRUCache<string, Entry>({
      max: options.maxHosts ?? 5_000,
      ttl: Math.max(options.ttlMs, 1),
      allowStaleOnFetchRejection: true,
      fetchMethod: async (host, _stale, { options: entryOptions }) => {
        const site = await this.read(host);
        if (!site) entryOptions.ttl = Math.max(unknownTtl, 1);
        return { site };
      },
    });
  }

  /** The site published for `host` (lower case, no port), or null when there is none. */
  async siteFor(host: string): Promise<PublishedSite | null> {
    const entry = await this.cache.fetch(host);
    return entry?.site ?? null;
  }

  /** Whether the bucket answers (a missing key is an answer). */
  async ping(): Promise<void> {
    await this.store.get(siteConfigKeys.forHost('readyz.invalid'));
  }

  private async read(host: string): Promise<PublishedSite | null> {
    const object = await this.store.get(siteConfigKeys.forHost(host));
    if (!object) return null;
    let json: unknown;
    try {
      json = JSON.parse(object.body.toString('utf8'));
    } catch {
      this.logger.error({ host }, 'published site is not JSON: serving no site for this host');
      return null;
    }
    const parsed = PublishedSiteSchema.safeParse(json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
      this.logger.error(
        { host, fields },
        'published site does not match PublishedSiteSchema: serving no site for this host',
      );
      return null;
    }
    return parsed.data;
  }
}
