import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface TenantCacheOptions {
  /** Key prefix of the owning service, e.g. `inventory`. */
  namespace: string;
  ttlSeconds: number;
}

/**
 * Cache-aside per dealership with explicit invalidation. Every key embeds the dealership's cache
 * generation; a write bumps the generation, which orphans all of that dealership's entries at once
 * (they expire by TTL). If Redis is down, reads go straight to the loader, and invalidations that
 * could not be written are replayed as soon as Redis is back, before anyone reads from it again.
 */
export class TenantCache {
  private readonly pendingInvalidations = new Set<string>();

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly options: TenantCacheOptions,
  ) {
    redis.on('ready', () => void this.replayInvalidations());
  }

  /** Returns the cached JSON text for `key`, or loads, stores and returns it. */
  async getOrLoad(dealershipId: string, key: string, load: () => Promise<unknown>): Promise<string> {
    const usable = this.redis.status === 'ready' && this.pendingInvalidations.size === 0;
    let fullKey: string | undefined;
    if (usable) {
      try {
        const generation = (await this.redis.get(this.generationKey(dealershipId))) ?? '0';
        fullKey = `${this.options.namespace}:${dealershipId}:g${generation}:${key}`;
        const cached = await this.redis.get(fullKey);
        if (cached !== null) return cached;
      } catch (error) {
        this.logger.debug({ err: error }, 'cache read failed; loading from the source');
        fullKey = undefined;
      }
    }
    const text = JSON.stringify(await load());
    if (fullKey) {
      this.redis.set(fullKey, text, 'EX', this.options.ttlSeconds).catch((error: unknown) => {
        this.logger.debug({ err: error }, 'cache write failed');
      });
    }
    return text;
  }

  /** Call after every committed write of the dealership's data. */
  async invalidate(dealershipId: string): Promise<void> {
    try {
      await this.redis.incr(this.generationKey(dealershipId));
    } catch (error) {
      this.pendingInvalidations.add(dealershipId);
      this.logger.warn({ err: error, dealershipId }, 'cache invalidation deferred until redis is back');
    }
  }

  private generationKey(dealershipId: string): string {
    return `${this.options.namespace}:${dealershipId}:generation`;
  }

  private async replayInvalidations(): Promise<void> {
    for (const dealershipId of [...this.pendingInvalidations]) {
      try {
        await this.redis.incr(this.generationKey(dealershipId));
        this.pendingInvalidations.delete(dealershipId);
      } catch (error) {
        this.logger.warn({ err: error }, 'replaying cache invalidations failed; will retry on reconnect');
        return;
      }
    }
  }
}
