import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readParquet } from './parquet-reader';
import { DUCKDB_TYPES, openParquetFile } from './parquet-writer';
import { column, defineWarehouseTable, type WarehouseRow } from './table';

const table = defineWarehouseTable({
  name: 'sample_facts',
  description: 'one of every type',
  columns: [
    column('id', 'string', { nullable: false, maxLength: 8 }),
    column('happened_at', 'timestamp'),
    column('listed_on', 'date'),
    column('price_cents', 'bigint'),
    column('days_on_lot', 'integer'),
    column('weight', 'double'),
    column('certified', 'boolean'),
  ],
});

const folder = mkdtempSync(join(tmpdir(), 'warehouse-parquet-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function write(rows: WarehouseRow[], name: string): Promise<Buffer> {
  const file = await openParquetFile(table, '2026-12-05');
  try {
    await file.append(rows);
    expect(await file.writeTo(join(folder, name))).toBe(rows.length);
    return readFileSync(join(folder, name));
  } finally {
    file.close();
  }
}

describe('a Parquet file written from a declaration', () => {
  it('when rows of every type and all-null rows are written, then DuckDB reads back the same values, the declared types and dt', async () => {
    const rows: WarehouseRow[] = [
      {
        id: 'a',
        happened_at: new Date('2026-12-05T10:11:12.345Z'),
        listed_on: '2026-10-01',
        price_cents: 4_599_900_000_123,
        days_on_lot: 65,
        weight: 3.333,
        certified: true,
      },
      {
        id: 'b',
        happened_at: null,
        listed_on: null,
        price_cents: null,
        days_on_lot: null,
        weight: null,
        certified: null,
      },
    ];
    const read = await readParquet(await write(rows, 'every-type.parquet'));

    expect(read.columns).toEqual(
      table.columns.map((c) => ({ name: c.name, duckdbType: DUCKDB_TYPES[c.type] })),
    );
    expect(read.rows).toEqual(rows.map((row) => ({ ...row, dt: '2026-12-05' })));
  });

  it("when a file is written, then its columns are Snappy-compressed (a codec Redshift's COPY reads)", async () => {
    await write([{ id: 'a' }, { id: 'b', price_cents: 1 }], 'codec.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(
        `SELECT DISTINCT compression FROM parquet_metadata('${join(folder, 'codec.parquet')}')`,
      );
      expect(reader.getRowObjectsJS().map((row) => row['compression'])).toEqual(['SNAPPY']);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('when no rows are written, then the file still has every column', async () => {
    const read = await readParquet(await write([], 'empty.parquet'));
    expect(read.rows).toEqual([]);
    expect(read.columns.map((c) => c.name)).toEqual(table.columns.map((c) => c.name));
  });

  it('when a row breaks its declaration, then appending it fails naming the row and column', async () => {
    const file = await openParquetFile(table, '2026-12-05');
    try {
      await expect(file.append([{ id: null }])).rejects.toThrow(/row 0 column id is null/);
      await expect(file.append([{ id: 'x', price_cents: '12' }])).rejects.toThrow(
        /column price_cents should be a bigint/,
      );
      await expect(file.append([{ id: 'toolongvalue' }])).rejects.toThrow(
        /column id has 12 characters, more than its 8/,
      );
      await expect(file.append([{ id: 'x', listed_on: '2026-13-45' }])).rejects.toThrow(
        /listed_on should be a date/,
      );
    } finally {
      file.close();
    }
  });
});
