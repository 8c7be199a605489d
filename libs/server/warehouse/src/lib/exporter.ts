import type { ObjectStore } from '@showroom/server-storage';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportDay } from './export-day';
import { openParquetFile } from './parquet-writer';
import type { WarehouseRow, WarehouseTable } from './table';
import { replacePartition } from './warehouse-store';

/**
 * What a service exports for one table: its declaration and the day's rows, read from the
 * service's own schema (or engine) a page at a time. Rows carry ids and facts, never a person's
 * name, e-mail address or phone number.
 */
export interface WarehouseExporter {
  readonly table: WarehouseTable;
  rowsOf(day: ExportDay): AsyncIterable<readonly WarehouseRow[]>;
}

export interface ExportResult {
  table: string;
  date: string;
  /** The S3 key of the partition's file. */
  key: string;
  rows: number;
}

/**
 * Exports one table's day: rows → Parquet (DuckDB, in a temporary folder) → the day's partition in
 * S3, replacing whatever an earlier run left there. A day without rows still gets its (empty)
 * file, so the load's COPY finds the partition and the warehouse shows the day as exported.
 */
export async function exportPartition(
  exporter: WarehouseExporter,
  day: ExportDay,
  store: ObjectStore,
): Promise<ExportResult> {
  const { table } = exporter;
  const folder = mkdtempSync(join(tmpdir(), `showroom-warehouse-${table.name}-`));
  const file = await openParquetFile(table, day.date);
  try {
    let appended = 0;
    for await (const page of exporter.rowsOf(day)) {
      await file.append(page);
      appended += page.length;
    }
    const path = join(folder, `${table.name}.parquet`);
    const written = await file.writeTo(path);
    if (written !== appended) {
      throw new Error(`${table.name} ${day.date}: ${appended} rows appended but ${written} in the file`);
    }
    const key = await replacePartition(store, table.name, day.date, readFileSync(path));
    return { table: table.name, date: day.date, key, rows: written };
  } finally {
    file.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Pages of `pageSize` read with a keyset cursor: `readPage(after)` returns rows after the cursor. */
export async function* keysetPages<R, C>(
  readPage: (after: C | null) => Promise<readonly R[]>,
  cursorOf: (last: R) => C,
  pageSize: number,
): AsyncIterable<readonly R[]> {
  let after: C | null = null;
  for (;;) {
    const page = await readPage(after);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = cursorOf(page[page.length - 1] as R);
  }
}
