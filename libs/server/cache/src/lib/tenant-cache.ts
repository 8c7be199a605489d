import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

const READ_THROUGH_GENERATION = `
local generation = redis.call('GET', KEYS[1]) or '0'
return { generation, redis.call('GET', KEYS[2] .. generation .. ARGV[1]) }
`;

type GenerationRead = [generation: Buffer, entry: Buffer | null];
type RedisWithScript = Redis & {
  readThroughGenerationBuffer(
    generationKey: string,
    entryPrefix: string,
    suffix: string,
  ): Promise<GenerationRead>;
};

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
    // ioredis sends it with EVALSHA, loading it once per connection.
    if (!('readThroughGenerationBuffer' in redis)) {
      redis.defineCommand('readThroughGeneration', { numberOfKeys: 2, lua: READ_THROUGH_GENERATION });
    }
    redis.on('ready', () => void this.replayInvalidations());
  }

  /** Returns the cached JSON (UTF-8 bytes) for `key`, or loads, stores and returns it. */
  async getOrLoad(dealershipId: string, key: string, load: () => Promise<unknown>): Promise<Buffer> {
    const usable = this.redis.status === 'ready' && this.pendingInvalidations.size === 0;
    let fullKey: string | undefined;
    if (usable) {
      try {
        // One round trip: the dealership's generation and the entry under it, read by a script.
        // Bytes in, bytes out: a hit is sent as stored, never decoded and re-encoded.
        const [generation, cached] = await (this.redis as RedisWithScript).readThroughGenerationBuffer(
          this.generationKey(dealershipId),
          this.entryPrefix(dealershipId),
          `:${key}`,
        );
        if (cached !== null) return cached;
        fullKey = `${this.entryPrefix(dealershipId)}${generation.toString()}:${key}`;
      } catch (error) {
        this.logger.debug({ err: error }, 'cache read failed; loading from the source');
        fullKey = undefined;
      }
    }
    const json = Buffer.from(JSON.stringify(await load()));
    if (fullKey) {
      this.redis.set(fullKey, json, 'EX', this.options.ttlSeconds).catch((error: unknown) => {
        this.logger.debug({ err: error }, 'cache write failed');
      });
    }
    return json;
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

  // The {dealership} hash tag keeps a dealership's keys in one Redis Cluster slot, as the script needs.
  private generationKey(dealershipId: string): string {
    return `${this.options.namespace}:{${dealershipId}}:generation`;
  }

  private entryPrefix(dealershipId: string): string {
    return `${this.options.namespace}:{${dealershipId}}:g`;
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
