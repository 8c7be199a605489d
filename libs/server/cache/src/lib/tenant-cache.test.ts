import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '@showroom/server-testing';
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
});
