import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectStore } from '@showroom/server-storage';
import type { WarehouseValue } from './table';
import { partitionKey } from './warehouse-store';

/** A column of a Parquet file as DuckDB reads it back (`DESCRIBE`): name and DuckDB type. */
export interface ParquetColumn {
  name: string;
  duckdbType: string;
}

export interface ParquetContents {
  columns: ParquetColumn[];
  /** In file order, values as an exporter hands them over: Date, 'YYYY-MM-DD', number, string, boolean, null. */
  rows: Record<string, WarehouseValue>[];
}

/**
 * Reads a Parquet file's bytes with DuckDB (`read_parquet`), as the round-trip tests and the
 * warehouse's own checks do: what the embedded engine reads back is what Redshift's COPY would load.
 */
export async function readParquet(bytes: Uint8Array): Promise<ParquetContents> {
  const folder = mkdtempSync(join(tmpdir(), 'showroom-parquet-'));
  const path = join(folder, 'read.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    writeFileSync(path, bytes);
    const source = `read_parquet('${path.replaceAll("'", "''")}')`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const columns = described.getRowObjectsJS().map((row) => ({
      name: String(row['column_name']),
      duckdbType: String(row['column_type']),
    }));
    const read = await connection.runAndReadAll(`SELECT * FROM ${source}`);
    const rows = read.getRowObjectsJS().map((row) => {
      const plain: Record<string, WarehouseValue> = {};
      for (const { name, duckdbType } of columns) plain[name] = plainValue(row[name], duckdbType);
      return plain;
    });
    return { columns, rows };
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(folder, { recursive: true, force: true });
  }
}

function plainValue(value: unknown, duckdbType: string): WarehouseValue {
  if (value === null || value === undefined) return null;
  if (duckdbType === 'DATE' && value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'bigint') return Number(value);
  if (
    value instanceof Date ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  throw new Error(`Unexpected ${duckdbType} value in a warehouse file: ${String(value)}`);
}

/** A day's partition of a table, read back from the store (a test's view of what COPY would load). */
export async function readPartition(
  store: ObjectStore,
  table: string,
  date: string,
): Promise<ParquetContents> {
  const key = partitionKey(table, date);
  const stored = await store.get(key);
  if (!stored) throw new Error(`no file at ${key}`);
  return readParquet(stored.body);
}
