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
 * (they expire by TTL). If Redis is down, reads go straight to the loader. An invalidation that could
 * not be written (Redis gone, or stalled past the command timeout with the connection still open)
 * keeps that dealership (only) off the cache until it is replayed: on reconnect, and on any read
 * while the connection is up, so the cache is used again as soon as Redis answers.
 */
export class TenantCache {
  private readonly pendingInvalidations = new Set<string>();
  private replaying: Promise<void> | undefined;

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
    // A stall does not drop the connection, so no 'ready' follows it: reads retry the replay.
    if (this.pendingInvalidations.size > 0 && this.redis.status === 'ready') void this.replayInvalidations();
    const usable = this.redis.status === 'ready' && !this.pendingInvalidations.has(dealershipId);
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

  /** One replay at a time; a failed one is tried again by the next read or reconnect. */
  private replayInvalidations(): Promise<void> {
    this.replaying ??= this.replayPending().finally(() => {
      this.replaying = undefined;
    });
    return this.replaying;
  }

  private async replayPending(): Promise<void> {
    if (this.pendingInvalidations.size === 0) return;
    for (const dealershipId of [...this.pendingInvalidations]) {
      try {
        await this.redis.incr(this.generationKey(dealershipId));
        this.pendingInvalidations.delete(dealershipId);
      } catch (error) {
        this.logger.debug({ err: error }, 'replaying cache invalidations failed; will retry');
        return;
      }
    }
    this.logger.info('deferred cache invalidations replayed; reading the cache again');
  }
}
