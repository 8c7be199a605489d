import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { ImportJobClaims } from './job-claims';

describe('the import queue', () => {
  let ctx: InventoryTestContext;
  let claims: ImportJobClaims;
  const now = new Date();
  const STALE_MS = 60_000;

  beforeAll(async () => {
    // The service's own worker looks only once a minute, so these rows are this test's to claim.
    ctx = await startInventoryTestApp({ env: { FEED_IMPORT_POLL_INTERVAL_MS: '60000' } });
    claims = new ImportJobClaims(ctx.database.writer);
  });
  afterAll(() => ctx.close());

  async function job(
    dealershipId: string,
    status: 'uploaded' | 'queued' | 'running' | 'succeeded',
    extra: { heartbeatAgoMs?: number; createdAgoMs?: number; notBefore?: Date } = {},
  ): Promise<string> {
    const id = randomUUID();
    await forDealership(ctx.database.writer, dealershipId)
      .insertInto('feed_imports')
      .values({
        id,
        source: 'upload',
        file_name: 'stock.csv',
        object_key: `imports/${dealershipId}/${id}.csv`,
        status,
        rows_total: 1,
        created_by: null,
        heartbeat_at:
          extra.heartbeatAgoMs === undefined ? null : new Date(now.getTime() - extra.heartbeatAgoMs),
        not_before: extra.notBefore ?? null,
        created_at: new Date(now.getTime() - (extra.createdAgoMs ?? 0)),
      })
      .execute();
    return id;
  }

  it('runs a dealership’s imports one at a time, takes over a silent one, and waits for a retry’s time', async () => {
    const [busy, idle, crashed, later] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await job(busy, 'running', { heartbeatAgoMs: 1_000 });
    const waiting = await job(busy, 'queued', { createdAgoMs: 50_000 });
    await job(later, 'queued', { createdAgoMs: 40_000, notBefore: new Date(now.getTime() + 60_000) });
    const abandoned = await job(crashed, 'running', { heartbeatAgoMs: 5 * 60_000, createdAgoMs: 30_000 });
    const next = await job(idle, 'queued', { createdAgoMs: 20_000 });

    expect(await claims.claimImport(now, STALE_MS)).toMatchObject({
      id: abandoned,
      dealershipId: crashed,
      attempts: 1,
    });
    expect(await claims.claimImport(now, STALE_MS)).toMatchObject({ id: next, dealershipId: idle });
    // The busy dealership's second import waits; the retry is not due yet.
    expect(await claims.claimImport(now, STALE_MS)).toBeNull();
    const status = await forDealership(ctx.database.writer, busy)
      .selectFrom('feed_imports')
      .select('status')
      .where('id', '=', waiting)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('queued');
  });

  it('forgets uploads nobody started within a day: their files and rows', async () => {
    const dealershipId = randomUUID();
    const old = await job(dealershipId, 'uploaded', { createdAgoMs: 25 * 3_600_000 });
    const fresh = await job(dealershipId, 'uploaded', { createdAgoMs: 60_000 });
    for (const id of [old, fresh]) {
      await ctx.objects.put(`imports/${dealershipId}/${id}.csv`, 'VIN\n', { contentType: 'text/csv' });
    }
    expect(await ctx.inventory.feedImport.worker.pruneAbandonedUploads()).toBe(1);
    expect(await ctx.objects.get(`imports/${dealershipId}/${old}.csv`)).toBeNull();
    expect(await ctx.objects.get(`imports/${dealershipId}/${fresh}.csv`)).not.toBeNull();
    const left = await forDealership(ctx.database.writer, dealershipId)
      .selectFrom('feed_imports')
      .select('id')
      .execute();
    expect(left.map((row) => row.id)).toEqual([fresh]);
  });
});
