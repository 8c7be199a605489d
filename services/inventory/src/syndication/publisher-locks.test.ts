import { setTimeout as delay } from 'node:timers/promises';
import request from 'supertest';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import { inventoryAppForTests } from '../test/inventory-test-app';

describe('feed runs and rotations do not hold the settings row while S3 works', () => {
  const ctx = inventoryAppForTests({ env: { SYNDICATION_FOLLOW_INTERVAL_MS: '600000' } });
  let owner: string;

  beforeAll(async () => {
    owner = await ctx.tokenFor('owner', ctx.dealershipId);
    const saved = await request(ctx.app)
      .put('/api/inventory/syndication/settings')
      .auth(owner, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId)
      .send({ channels: { marketplace: true }, webReady: { minPhotos: 0 } });
    expect(saved.status).toBe(200);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const tenant = () => forDealership(ctx.database.writer, ctx.dealershipId);
  const secret = async () =>
    (await tenant().selectFrom('syndication_settings').select('feed_secret').executeTakeFirstOrThrow())
      .feed_secret;
  /** S3 puts wait until `release()`. */
  const slowS3 = () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const put = ctx.objects.put.bind(ctx.objects);
    vi.spyOn(ctx.objects, 'put').mockImplementation(async (key, body, options) => {
      await gate;
      return put(key, body, options);
    });
    return () => release();
  };

  it('while a run waits for S3, the settings row can be written at once; the run then records its feeds', async () => {
    const release = slowS3();
    const run = ctx.inventory.syndication.publisher.generate(ctx.dealershipId, 'manual');
    await delay(300);

    const write = tenant()
      .updateTable('syndication_settings')
      .set({ dirty_since: new Date() })
      .execute()
      .then(() => 'written');
    expect(await Promise.race([write, delay(2_000).then(() => 'blocked')])).toBe('written');

    release();
    expect((await run)?.channels.map((channel) => channel.channel)).toEqual(['marketplace']);
  });

  it('a rotation during a run changes the secret without waiting for the run; the run records nothing and retires what it wrote under the old secret', async () => {
    const before = await secret();
    const release = slowS3();
    const run = ctx.inventory.syndication.publisher.generate(ctx.dealershipId, 'manual');
    await delay(300);

    const rotation = request(ctx.app)
      .post('/api/inventory/syndication/rotate-secret')
      .auth(owner, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId)
      .then((res) => res.status);
    await vi.waitFor(async () => expect(await secret()).not.toBe(before), { timeout: 10_000 });

    release();
    expect(await run).toBeNull();
    expect(await rotation).toBe(200);
    await ctx.inventory.mediaDeletions.sweep();
    expect(await ctx.objects.list(`feeds/${ctx.dealershipId}/${before}/`)).toEqual([]);
    const after = await secret();
    expect(await ctx.objects.list(`feeds/${ctx.dealershipId}/${after}/`)).toEqual([
      `feeds/${ctx.dealershipId}/${after}/marketplace.csv`,
    ]);
  });
});
