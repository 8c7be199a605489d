import type { Redis } from 'ioredis';

/**
 * Who wrote lately, in Redis so that every instance of a service sees it: a key per writer that
 * expires by itself (the `RecentWrites` port of @showroom/server-mysql's ReadYourWrites).
 */
export class RedisRecentWrites {
  constructor(
    private readonly redis: Redis,
    /** Key prefix of the owning service, e.g. `inventory`. */
    private readonly namespace: string,
  ) {}

  // One command per key, sent together: the keys may live in different Redis Cluster slots.
  async mark(keys: readonly string[], ms: number): Promise<void> {
    await Promise.all(keys.map((key) => this.redis.set(this.keyOf(key), '1', 'PX', Math.ceil(ms))));
  }

  async anyMarked(keys: readonly string[]): Promise<boolean> {
    const counts = await Promise.all(keys.map((key) => this.redis.exists(this.keyOf(key))));
    return counts.some((count) => count > 0);
  }

  private keyOf(key: string): string {
    return `${this.namespace}:wrote:${key}`;
  }
}
