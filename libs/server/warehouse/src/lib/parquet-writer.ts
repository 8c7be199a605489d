import {
  DuckDBDateValue,
  DuckDBInstance,
  DuckDBTimestampValue,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PARTITION_COLUMN,
  type WarehouseColumn,
  type WarehouseRow,
  type WarehouseTable,
  type WarehouseType,
} from './table';

/** The DuckDB type each logical type is written as (and so its Parquet type). */
export const DUCKDB_TYPES: Readonly<Record<WarehouseType, string>> = {
  string: 'VARCHAR',
  timestamp: 'TIMESTAMP',
  date: 'DATE',
  bigint: 'BIGINT',
  integer: 'INTEGER',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
};

/** Rows are handed to DuckDB in pages of this size, so an exporter never holds a whole day in memory. */
export const EXPORT_PAGE_SIZE = 5_000;

/**
 * A Parquet file being written: rows go into a temporary DuckDB table (in memory, in this process),
 * then one `COPY … TO` writes the file. DuckDB writes Parquet without any extension, which matters
 * here: extensions (httpfs included) cannot be downloaded, so the upload to S3 is ours (warehouse-store.ts).
 */
export interface ParquetFile {
  /** Appends rows (values for the declared columns; `dt` is the partition's date). */
  append(rows: readonly WarehouseRow[]): Promise<void>;
  /** Writes the file (Snappy-compressed) and returns how many rows it holds. */
  writeTo(path: string): Promise<number>;
  close(): void;
}

export async function openParquetFile(table: WarehouseTable, date: string): Promise<ParquetFile> {
  // A big day may spill to disk: under the OS temp folder, the one writable place in a service's
  // container (its root file system is read-only), never DuckDB's default `.tmp` in the working directory.
  const instance = await DuckDBInstance.create(':memory:', {
    temp_directory: join(tmpdir(), 'showroom-warehouse-spill'),
  });
  const connection = await instance.connect();
  try {
    await connection.run(createTempTableSql(table));
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  const dt = dateValue(date, PARTITION_COLUMN);
  let appended = 0;

  return {
    async append(rows) {
      const appender = await connection.createAppender('warehouse_rows');
      try {
        for (const row of rows) appendRow(appender, table.columns, row, dt, appended++);
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    async writeTo(path) {
      // Snappy: the codec every Parquet reader has, Redshift's COPY (through Spectrum) included.
      await connection.run(
        `COPY warehouse_rows TO '${path.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION snappy)`,
      );
      return countRows(connection, path);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function createTempTableSql(table: WarehouseTable): string {
  const columns = table.columns.map(
    (c) => `"${c.name}" ${DUCKDB_TYPES[c.type]}${c.nullable ? '' : ' NOT NULL'}`,
  );
  return `CREATE TEMP TABLE warehouse_rows (${columns.join(', ')})`;
}

/** What was written, read back: a file that lost rows must never be uploaded. */
async function countRows(connection: DuckDBConnection, path: string): Promise<number> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM read_parquet('${path.replaceAll("'", "''")}')`,
  );
  return Number(reader.getRowObjectsJS()[0]?.['n'] ?? 0);
}

function appendRow(
  appender: DuckDBAppender,
  columns: readonly WarehouseColumn[],
  row: WarehouseRow,
  dt: DuckDBDateValue,
  index: number,
): void {
  for (const column of columns) {
    if (column.name === PARTITION_COLUMN) {
      appender.appendDate(dt);
      continue;
    }
    const value = row[column.name];
    const where = `row ${index} column ${column.name}`;
    if (value === null || value === undefined) {
      if (!column.nullable) throw new Error(`${where} is null, and the column is not nullable`);
      appender.appendNull();
      continue;
    }
    appendValue(appender, column, value, where);
  }
  appender.endRow();
}

function appendValue(
  appender: DuckDBAppender,
  column: WarehouseColumn,
  value: NonNullable<WarehouseRow[string]>,
  where: string,
): void {
  const wrong = () => new Error(`${where} should be a ${column.type}, got ${JSON.stringify(value)}`);
  switch (column.type) {
    case 'string':
      if (typeof value !== 'string') throw wrong();
      if (column.maxLength !== undefined && value.length > column.maxLength) {
        throw new Error(`${where} has ${value.length} characters, more than its ${column.maxLength}`);
      }
      return appender.appendVarchar(value);
    case 'timestamp':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw wrong();
      // DuckDB counts microseconds since the epoch; a JS Date has milliseconds.
      return appender.appendTimestamp(new DuckDBTimestampValue(BigInt(value.getTime()) * 1000n));
    case 'date':
      if (typeof value !== 'string') throw wrong();
      return appender.appendDate(dateValue(value, column.name));
    case 'bigint':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrong();
      return appender.appendBigInt(BigInt(value));
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1)
        throw wrong();
      return appender.appendInteger(value);
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong();
      return appender.appendDouble(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong();
      return appender.appendBoolean(value);
  }
}

const DAY_MS = 86_400_000;

function dateValue(date: string, name: string): DuckDBDateValue {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms)) {
    throw new Error(`${name} should be a date (YYYY-MM-DD), got ${JSON.stringify(date)}`);
  }
  return new DuckDBDateValue(Math.round(ms / DAY_MS));
}
