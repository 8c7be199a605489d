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
 * (they expire by TTL).
 *
 * Redis down or stalled means slower, never wrong and never for longer than Redis is away: after a
 * command fails, reads go straight to the loader (no one waits out a command timeout per read) while
 * one probe at a time asks Redis whether it answers again; an invalidation that could not be written
 * keeps its dealership off the cache until it is replayed. A stall keeps the connection open, so no
 * reconnect ('ready') follows it: reads start the probe, and the cache is used again as soon as Redis
 * answers.
 */
export class TenantCache {
  private readonly pendingInvalidations = new Set<string>();
  /** False from a failed command until Redis answers a probe. */
  private answering = true;
  private recovering: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly options: TenantCacheOptions,
  ) {
    // ioredis sends it with EVALSHA, loading it once per connection.
    if (!('readThroughGenerationBuffer' in redis)) {
      redis.defineCommand('readThroughGeneration', { numberOfKeys: 2, lua: READ_THROUGH_GENERATION });
    }
    redis.on('ready', () => void this.recover());
  }

  /** Returns the cached JSON (UTF-8 bytes) for `key`, or loads, stores and returns it. */
  async getOrLoad(dealershipId: string, key: string, load: () => Promise<unknown>): Promise<Buffer> {
    if (!this.answering || this.pendingInvalidations.size > 0) void this.recover();
    const usable =
      this.redis.status === 'ready' && this.answering && !this.pendingInvalidations.has(dealershipId);
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
        this.suspect();
        fullKey = undefined;
      }
    }
    const json = Buffer.from(JSON.stringify(await load()));
    if (fullKey) {
      this.redis.set(fullKey, json, 'EX', this.options.ttlSeconds).catch((error: unknown) => {
        this.logger.debug({ err: error }, 'cache write failed');
        this.suspect();
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
      this.logger.warn({ err: error, dealershipId }, 'cache invalidation deferred until redis answers');
      this.suspect();
    }
  }

  // The {dealership} hash tag keeps a dealership's keys in one Redis Cluster slot, as the script needs.
  private generationKey(dealershipId: string): string {
    return `${this.options.namespace}:{${dealershipId}}:generation`;
  }

  private entryPrefix(dealershipId: string): string {
    return `${this.options.namespace}:{${dealershipId}}:g`;
  }

  private suspect(): void {
    this.answering = false;
    void this.recover();
  }

  /** One probe at a time; a failed one is tried again by the next read or on reconnect. */
  private recover(): Promise<void> {
    this.recovering ??= this.probeAndReplay().finally(() => {
      this.recovering = undefined;
    });
    return this.recovering;
  }

  private async probeAndReplay(): Promise<void> {
    if (this.redis.status !== 'ready') return; // 'ready' calls again
    const wasAway = !this.answering || this.pendingInvalidations.size > 0;
    try {
      if (!this.answering) await this.redis.ping();
      for (const dealershipId of [...this.pendingInvalidations]) {
        await this.redis.incr(this.generationKey(dealershipId));
        this.pendingInvalidations.delete(dealershipId);
      }
      this.answering = true;
    } catch (error) {
      this.answering = false;
      this.logger.debug({ err: error }, 'redis does not answer yet; serving without the cache');
      return;
    }
    if (wasAway) this.logger.info('redis answers again: deferred invalidations replayed, cache in use');
  }
}
