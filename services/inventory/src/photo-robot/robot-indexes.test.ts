import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';

/** The first column of each index of `table`, by index name. */
async function leadingColumns(ctx: InventoryTestContext, table: string): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT COLUMN_NAME AS column_name FROM information_schema.STATISTICS
    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${table} AND SEQ_IN_INDEX = 1`.execute(
    ctx.database.writer,
  );
  return rows.map((row) => row.column_name);
}

describe('the robot’s lookups by id alone have an index (no whole-table scans)', () => {
  let ctx: InventoryTestContext;
  beforeAll(async () => {
    ctx = await startInventoryTestApp();
  });
  afterAll(() => ctx.close());

  it('claim reads photo_fetch_jobs by id; prune reads and deletes photo_fetch_items by job_id', async () => {
    // The primary key is (dealership_id, id): it does not serve `id IN (…)`.
    expect(await leadingColumns(ctx, 'photo_fetch_jobs')).toContain('id');
    expect(await leadingColumns(ctx, 'photo_fetch_items')).toContain('job_id');
  });

  it('pruning finished imports reads feed_imports by status and finished_at', async () => {
    const { rows } = await sql<{ column_name: string }>`
      SELECT COLUMN_NAME AS column_name FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'feed_imports' AND INDEX_NAME = 'feed_imports_finished'
      ORDER BY SEQ_IN_INDEX`.execute(ctx.database.writer);
    expect(rows.map((row) => row.column_name)).toEqual(['status', 'finished_at']);
  });
});
