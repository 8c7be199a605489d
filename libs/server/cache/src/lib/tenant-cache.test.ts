import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startTcpProxy, TEST_REDIS_URL } from '@showroom/server-testing';
import { createRedis } from './redis';
import { TenantCache } from './tenant-cache';

const logger = pino({ level: 'silent' });

describe('tenant cache (real Redis)', () => {
  const redis = createRedis(TEST_REDIS_URL, logger);
  const cache = new TenantCache(redis, logger, { namespace: 'cache-test', ttlSeconds: 30 });
  afterAll(() => redis.quit());

  const ready = async () => {
    while (redis.status !== 'ready') await new Promise((r) => setTimeout(r, 20));
  };

  it('loads once, then answers from Redis until the dealership is invalidated', async () => {
    await ready();
    const dealership = randomUUID();
    let loads = 0;
    const load = async () => ({ n: ++loads });

    expect(String(await cache.getOrLoad(dealership, 'list', load))).toBe('{"n":1}');
    await new Promise((r) => setTimeout(r, 50)); // the write-back is not awaited
    expect(String(await cache.getOrLoad(dealership, 'list', load))).toBe('{"n":1}');

    await cache.invalidate(dealership);
    expect(String(await cache.getOrLoad(dealership, 'list', load))).toBe('{"n":2}');
  });

  it('keeps dealerships apart: invalidating one leaves the other cached', async () => {
    await ready();
    const [a, b] = [randomUUID(), randomUUID()];
    await cache.getOrLoad(a, 'k', async () => 'a1');
    await cache.getOrLoad(b, 'k', async () => 'b1');
    await new Promise((r) => setTimeout(r, 50));

    await cache.invalidate(a);

    expect(String(await cache.getOrLoad(a, 'k', async () => 'a2'))).toBe('"a2"');
    expect(String(await cache.getOrLoad(b, 'k', async () => 'b2'))).toBe('"b1"');
  });

  it('with Redis unreachable, every read goes to the loader and nothing throws', async () => {
    const offline = createRedis('redis://127.0.0.1:1/0', logger);
    const offlineCache = new TenantCache(offline, logger, { namespace: 'cache-test', ttlSeconds: 30 });
    const dealership = randomUUID();
    let loads = 0;

    await offlineCache.getOrLoad(dealership, 'k', async () => ++loads);
    await offlineCache.invalidate(dealership);
    await offlineCache.getOrLoad(dealership, 'k', async () => ++loads);

    expect(loads).toBe(2);
    offline.disconnect();
  });

  it('reads from the cache again as soon as a frozen Redis answers', async () => {
    // Hole 9: an invalidation that timed out during a stall was kept for a reconnect that never
    // came (the connection stayed open), and the cache stayed off for good.
    const target = new URL(TEST_REDIS_URL);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    const stalling = createRedis(`redis://127.0.0.1:${proxy.port}${target.pathname}`, logger);
    const stallingCache = new TenantCache(stalling, logger, { namespace: 'cache-test', ttlSeconds: 30 });
    const [a, b] = [randomUUID(), randomUUID()];
    let loads = 0;
    const load = async () => ++loads;
    try {
      while (stalling.status !== 'ready') await new Promise((r) => setTimeout(r, 20));
      await stallingCache.getOrLoad(a, 'k', load);
      await stallingCache.getOrLoad(b, 'k', load);
      await new Promise((r) => setTimeout(r, 50));

      proxy.freeze();
      await stallingCache.invalidate(a); // times out: Redis does not answer
      expect(String(await stallingCache.getOrLoad(a, 'k', load))).toBe('3'); // not the stale 1
      // Meanwhile reads skip the cache rather than each wait out a command timeout.
      const started = Date.now();
      expect(String(await stallingCache.getOrLoad(b, 'k', load))).toBe('4');
      expect(Date.now() - started).toBeLessThan(250);
      proxy.thaw();

      // Within a second of Redis answering, reads are served from the cache again.
      const deadline = Date.now() + 1000;
      let fromCache = false;
      while (!fromCache && Date.now() < deadline) {
        await stallingCache.getOrLoad(a, 'k', load); // may load, and store again
        await new Promise((r) => setTimeout(r, 20));
        const before = loads;
        await stallingCache.getOrLoad(a, 'k', load);
        fromCache = loads === before;
      }
      expect(fromCache).toBe(true);
      expect(String(await stallingCache.getOrLoad(b, 'k', load))).toBe('2'); // its entry is still good
      expect(stalling.status).toBe('ready'); // no reconnect was needed
    } finally {
      stalling.disconnect();
      await proxy.close();
    }
  });
});
