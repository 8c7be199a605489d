import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import { inventoryAppForTests } from '../test/inventory-test-app';

describe('syndication with S3 away', () => {
  // Nothing listens on port 9: every put is refused at once.
  const ctx = inventoryAppForTests({
    env: { S3_ENDPOINT: 'http://127.0.0.1:9', SYNDICATION_FOLLOW_INTERVAL_MS: '600000' },
  });

  it('saving the settings still works; the channels say feeds are pending, and regenerating now fails with a problem', async () => {
    const owner = await ctx.tokenFor('owner', ctx.dealershipId);
    const as = (method: 'get' | 'put' | 'post', path: string) =>
      request(ctx.app)[method](path).auth(owner, { type: 'bearer' }).set('X-Dealership-Id', ctx.dealershipId);

    const saved = await as('put', '/api/inventory/syndication/settings').send({
      channels: { marketplace: true },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.channels.marketplace).toBe(true);

    const channels = await as('get', '/api/inventory/syndication/channels');
    expect(channels.body.pending).toBe(true);
    expect(
      channels.body.channels.find((c: { channel: string }) => c.channel === 'marketplace'),
    ).toMatchObject({
      enabled: true,
      files: [],
      lastGeneratedAt: null,
    });

    const regenerated = await as('post', '/api/inventory/syndication/regenerate');
    expect(regenerated.status).toBeGreaterThanOrEqual(500);
    expect(regenerated.headers['content-type']).toContain('application/problem+json');
  });

  it('a rotation while S3 is away still changes the secret; deleting the old feeds is kept for the sweeper', async () => {
    const owner = await ctx.tokenFor('owner', ctx.dealershipId);
    const tenant = forDealership(ctx.database.writer, ctx.dealershipId);
    const secret = async () =>
      (await tenant.selectFrom('syndication_settings').select('feed_secret').executeTakeFirstOrThrow())
        .feed_secret;
    const before = await secret();

    const rotated = await request(ctx.app)
      .post('/api/inventory/syndication/rotate-secret')
      .auth(owner, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId);

    expect(rotated.status).toBe(200);
    expect(rotated.body.pending).toBe(true);
    expect(await secret()).not.toBe(before);
    expect(await tenant.selectFrom('media_deletions').select('prefix').execute()).toEqual([
      { prefix: `feeds/${ctx.dealershipId}/${before}/` },
    ]);
  });
});
