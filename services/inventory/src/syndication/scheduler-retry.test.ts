import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { DEALERSHIPS_PER_TURN } from './scheduler';

describe('syndication schedule: dealerships whose feeds keep failing do not starve the others', () => {
  const ctx = inventoryAppForTests({
    env: {
      SYNDICATION_DEBOUNCE_MS: '60000',
      SYNDICATION_FULL_INTERVAL_MINUTES: '60',
      SYNDICATION_FOLLOW_INTERVAL_MS: '600000',
    },
  });
  const failing: string[] = [];
  let healthy: string;

  beforeAll(async () => {
    const withFeeds = async () => {
      const id = ctx.directory.add({ id: randomUUID(), name: 'Retry Motors' }).id;
      const saved = await request(ctx.app)
        .put('/api/inventory/syndication/settings')
        .auth(await ctx.tokenFor('owner', id), { type: 'bearer' })
        .set('X-Dealership-Id', id)
        .send({ channels: { marketplace: true }, webReady: { minPhotos: 0 } });
      expect(saved.status).toBe(200);
      return id;
    };
    for (let i = 0; i < DEALERSHIPS_PER_TURN; i++) failing.push(await withFeeds());
    healthy = await withFeeds();
    // All changed a while ago; the failing ones longer ago, so they come first in the due list.
    const dirty = (id: string, agoMs: number) =>
      forDealership(ctx.database.writer, id)
        .updateTable('syndication_settings')
        .set({ dirty_since: new Date(Date.now() - agoMs) })
        .execute();
    for (const id of failing) await dirty(id, 600_000);
    await dirty(healthy, 120_000);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const settingsOf = (id: string) =>
    forDealership(ctx.database.writer, id)
      .selectFrom('syndication_settings')
      .select(['dirty_since', 'failures', 'retry_at'])
      .executeTakeFirstOrThrow();
  const turn = async () => {
    await ctx.inventory.syndication.scheduler.turn();
    await ctx.inventory.syndication.scheduler.turn();
  };

  it('a failed dealership waits (recorded in the database) while the next due one is generated', async () => {
    const put = ctx.objects.put.bind(ctx.objects);
    vi.spyOn(ctx.objects, 'put').mockImplementation((key, body, options) =>
      failing.some((id) => key.startsWith(`feeds/${id}/`))
        ? Promise.reject(new Error('S3 refuses this rooftop’s feeds'))
        : put(key, body, options),
    );

    await turn();
    const first = await settingsOf(failing[0]);
    expect(first.failures).toBe(1);
    expect(first.dirty_since).not.toBeNull();
    expect(first.retry_at?.getTime()).toBeGreaterThan(Date.now());
    // The turn after the failures takes the next due dealership, not the failing ones again.
    expect((await settingsOf(healthy)).dirty_since).toBeNull();
    expect((await settingsOf(failing[0])).failures).toBe(1);

    // Once its wait is over and S3 takes its feeds again, the failed dealership is generated and forgiven.
    vi.restoreAllMocks();
    await forDealership(ctx.database.writer, failing[0])
      .updateTable('syndication_settings')
      .set({ retry_at: new Date(Date.now() - 1_000) })
      .execute();
    await turn();
    expect(await settingsOf(failing[0])).toMatchObject({ dirty_since: null, failures: 0, retry_at: null });
  });
});
