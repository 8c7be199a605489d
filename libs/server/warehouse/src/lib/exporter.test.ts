import { LOCAL_S3_CREDENTIALS, createS3ObjectStore, type ObjectStore } from '@showroom/server-storage';
import { startS3Local, type S3Local } from '@showroom/server-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDayOf, type ExportDay } from './export-day';
import { exportPartition, keysetPages, type WarehouseExporter } from './exporter';
import { readPartition } from './parquet-reader';
import { column, defineWarehouseTable, type WarehouseRow } from './table';
import { partitionKey } from './warehouse-store';

const table = defineWarehouseTable({
  name: 'sample_deals',
  description: 'a deal',
  columns: [column('id', 'string', { nullable: false, maxLength: 36 }), column('amount_cents', 'bigint')],
});

function exporterOf(rowsByDay: Record<string, WarehouseRow[]>, pageSize = 2): WarehouseExporter {
  return {
    table,
    rowsOf: (day: ExportDay) =>
      keysetPages<WarehouseRow, string>(
        async (after) =>
          (rowsByDay[day.date] ?? [])
            .filter((row) => after === null || String(row['id']) > after)
            .slice(0, pageSize),
        (last) => String(last['id']),
        pageSize,
      ),
  };
}

let s3: S3Local;
let store: ObjectStore;
beforeAll(async () => {
  s3 = await startS3Local({ buckets: ['warehouse-test'] });
  store = createS3ObjectStore({
    bucket: 'warehouse-test',
    region: 'us-east-1',
    endpoint: s3.endpoint,
    credentials: { ...LOCAL_S3_CREDENTIALS },
  });
});
afterAll(() => s3.close());

describe("exporting a table's day to S3", () => {
  const day = exportDayOf('2026-12-05');
  const rows = ['a', 'b', 'c', 'd', 'e'].map((id, index) => ({ id, amount_cents: index * 100 }));

  it('when the rows come in pages, then one Parquet file under warehouse/<table>/dt=<day>/ holds every row', async () => {
    const result = await exportPartition(exporterOf({ '2026-12-05': rows }), day, store);
    expect(result).toEqual({
      table: 'sample_deals',
      date: '2026-12-05',
      key: 'warehouse/sample_deals/dt=2026-12-05/sample_deals.parquet',
      rows: 5,
    });

    const stored = await store.get(result.key);
    expect(stored?.contentType).toBe('application/vnd.apache.parquet');
    expect((await readPartition(store, result.table, result.date)).rows).toEqual(
      rows.map((row) => ({ ...row, dt: '2026-12-05' })),
    );
  });

  it('when the day is exported again after a change, then the partition holds only the new export (no duplicates, no stray files)', async () => {
    await store.put('warehouse/sample_deals/dt=2026-12-05/part-old.parquet', Buffer.from('old'), {
      contentType: 'application/octet-stream',
    });
    await exportPartition(exporterOf({ '2026-12-05': rows }), day, store);
    await exportPartition(exporterOf({ '2026-12-05': rows.slice(0, 2) }), day, store);

    expect(await store.list('warehouse/sample_deals/dt=2026-12-05/')).toEqual([
      partitionKey('sample_deals', '2026-12-05'),
    ]);
    const read = await readPartition(store, 'sample_deals', '2026-12-05');
    expect(read.rows.map((row) => row['id'])).toEqual(['a', 'b']);
  });

  it('when a day has no rows, then its partition still gets an empty file, and other days are untouched', async () => {
    const before = await store.get(partitionKey('sample_deals', '2026-12-05'));
    const result = await exportPartition(exporterOf({}), exportDayOf('2026-12-04'), store);
    expect(result.rows).toBe(0);
    expect((await readPartition(store, result.table, result.date)).rows).toEqual([]);
    expect((await store.get(partitionKey('sample_deals', '2026-12-05')))?.body).toEqual(before?.body);
  });
});
