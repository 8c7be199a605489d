import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '@showroom/server-testing';
import { RedisRecentWrites } from './recent-writes';
import { createRedis } from './redis';

describe('recent writes (real Redis)', () => {
  const redis = createRedis(TEST_REDIS_URL, pino({ level: 'silent' }));
  beforeAll(async () => {
    while (redis.status !== 'ready') await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(() => redis.quit());
  const namespace = `recent-test-${randomUUID().slice(0, 8)}`;
  const recent = new RedisRecentWrites(redis, namespace);

  it('remembers a writer for the time it was marked for, then forgets it', async () => {
    const user = `user:${randomUUID()}`;
    const dealership = `dealership:${randomUUID()}`;
    expect(await recent.anyMarked([user, dealership])).toBe(false);
    await recent.mark([user, dealership], 300);
    expect(await recent.anyMarked([user])).toBe(true);
    expect(await recent.anyMarked([`user:${randomUUID()}`, dealership])).toBe(true);
    expect(await recent.anyMarked([`user:${randomUUID()}`])).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await recent.anyMarked([user, dealership])).toBe(false);
  });

  it("keeps each service's writers apart", async () => {
    const user = `user:${randomUUID()}`;
    await recent.mark([user], 5000);
    expect(await new RedisRecentWrites(redis, `${namespace}-other`).anyMarked([user])).toBe(false);
  });
});
