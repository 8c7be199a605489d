import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forDealership } from '@showroom/server-mysql';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { asManager, csvOf, feedCar } from './import-test-support';

describe('what an import leaves behind is forgotten', () => {
  let ctx: InventoryTestContext;
  beforeAll(async () => {
    ctx = await startInventoryTestApp({
      env: { FEED_IMPORT_POLL_INTERVAL_MS: '20', FEED_IMPORT_RETENTION_DAYS: '30' },
    });
  });
  afterAll(() => ctx.close());

  const rowsOf = async (
    dealershipId: string,
    table: 'feed_import_vins' | 'feed_import_issues',
    id: string,
  ) => {
    const row = await forDealership(ctx.database.writer, dealershipId)
      .selectFrom(table)
      .select(sql<number>`COUNT(*)`.as('n'))
      .where('import_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('a finished import keeps no VINs; past the retention its report, row and a failed one’s file go', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    const old = await d.importFile(csvOf([feedCar(), feedCar({ Price: 'call us' })]));
    const recent = await d.importFile(csvOf([feedCar()]));
    expect(old.status).toBe('succeeded');
    expect(await rowsOf(d.dealershipId, 'feed_import_vins', old.id)).toBe(0);
    expect(await rowsOf(d.dealershipId, 'feed_import_issues', old.id)).toBeGreaterThan(0);

    // The old one failed 31 days ago and kept its file for a resume.
    const key = `imports/${d.dealershipId}/${old.id}.csv`;
    await ctx.objects.put(key, 'VIN\n', { contentType: 'text/csv' });
    await forDealership(ctx.database.writer, d.dealershipId)
      .updateTable('feed_imports')
      .set({ status: 'failed', finished_at: new Date(Date.now() - 31 * 86_400_000) })
      .where('id', '=', old.id)
      .execute();

    expect(await ctx.inventory.feedImport.worker.pruneFinishedImports()).toBeGreaterThanOrEqual(1);
    expect((await d.send('get', `/api/inventory/imports/${old.id}`)).status).toBe(404);
    expect(await rowsOf(d.dealershipId, 'feed_import_issues', old.id)).toBe(0);
    expect(await ctx.objects.get(key)).toBeNull();
    expect((await d.send('get', `/api/inventory/imports/${recent.id}`)).status).toBe(200);
  });
});
