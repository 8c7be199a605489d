/**
 * A warehouse table, declared once by the service that owns its rows. Everything else is derived
 * from the declaration: the DuckDB table the Parquet file is written from (parquet-writer.ts), the
 * Parquet schema a test checks, the Redshift CREATE TABLE and the COPY statement (redshift-sql.ts).
 *
 * Logical types, and what each becomes:
 * | type        | JS value in a row              | DuckDB / Parquet            | Redshift          |
 * |-------------|--------------------------------|-----------------------------|-------------------|
 * | `string`    | string                         | VARCHAR / BYTE_ARRAY UTF8   | VARCHAR(bytes)    |
 * | `timestamp` | Date (an instant, kept as UTC) | TIMESTAMP / INT64 micros    | TIMESTAMP         |
 * | `date`      | 'YYYY-MM-DD'                   | DATE / INT32 DATE           | DATE              |
 * | `bigint`    | number (a safe integer)        | BIGINT / INT64              | BIGINT            |
 * | `integer`   | number (32-bit)                | INTEGER / INT32             | INTEGER           |
 * | `double`    | number                         | DOUBLE / DOUBLE             | DOUBLE PRECISION  |
 * | `boolean`   | boolean                        | BOOLEAN / BOOLEAN           | BOOLEAN           |
 *
 * Timestamps are written without a zone (Parquet `isAdjustedToUTC=false`) because Redshift's COPY
 * loads that into TIMESTAMP as is; every value is UTC by convention, as in the services' MySQL.
 */
export const WAREHOUSE_TYPES = [
  'string',
  'timestamp',
  'date',
  'bigint',
  'integer',
  'double',
  'boolean',
] as const;
export type WarehouseType = (typeof WAREHOUSE_TYPES)[number];

export interface WarehouseColumn {
  /** snake_case, as Redshift users type it. */
  readonly name: string;
  readonly type: WarehouseType;
  readonly nullable: boolean;
  /** `string` only: the most characters a value has (the source column's length). */
  readonly maxLength?: number;
}

/** The partition column every table ends with: the day the row was exported for (`dt=` in the S3 path). */
export const PARTITION_COLUMN = 'dt';

export interface WarehouseTable {
  /** snake_case; also the S3 folder (`warehouse/<name>/dt=…`) and the Redshift table. */
  readonly name: string;
  /** What one row is, for the generated SQL's comment and the README. */
  readonly description: string;
  /** The declared columns, then `dt`. */
  readonly columns: readonly WarehouseColumn[];
}

/** A row as an exporter hands it over: one value per declared column (not `dt`, which the export adds). */
export type WarehouseValue = string | number | boolean | Date | null;
export type WarehouseRow = Readonly<Record<string, WarehouseValue>>;

const SNAKE_CASE = /^[a-z][a-z0-9_]{0,62}$/;
/**
 * Column names that say a person's details: the warehouse keeps ids and facts, and a name, an
 * address, a phone number or free text someone typed never reaches it (nor its backups and copies).
 */
const PERSONAL_DATA =
  /(^|_)(name|email|e_mail|phone|address|street|postcode|zip|message|note|notes|comment|ssn|birth|dob|income|employer)(_|$)/;
/** Words Redshift or DuckDB refuse as a bare column name (the generated SQL quotes nothing). */
const RESERVED = new Set([
  'all',
  'and',
  'as',
  'at',
  'between',
  'by',
  'case',
  'check',
  'column',
  'create',
  'default',
  'desc',
  'distinct',
  'else',
  'end',
  'for',
  'from',
  'group',
  'having',
  'in',
  'is',
  'join',
  'like',
  'limit',
  'not',
  'null',
  'offset',
  'on',
  'or',
  'order',
  'select',
  'table',
  'then',
  'to',
  'union',
  'user',
  'when',
  'where',
  'with',
  'year',
  'type',
  'timestamp',
  'date',
  'time',
  'open',
  'percent',
]);

/** A column: `nullable` defaults to true, as most facts are optional. */
export function column(
  name: string,
  type: WarehouseType,
  options: { nullable?: boolean; maxLength?: number } = {},
): WarehouseColumn {
  return {
    name,
    type,
    nullable: options.nullable ?? true,
    ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
  };
}

/**
 * A table from its columns, with `dt` added last. Refuses names SQL would misread and string
 * columns without a length, so a mistake fails when the declaring module loads, not at 3 a.m. in COPY.
 */
export function defineWarehouseTable(declaration: {
  name: string;
  description: string;
  columns: readonly WarehouseColumn[];
}): WarehouseTable {
  const problems: string[] = [];
  if (!SNAKE_CASE.test(declaration.name)) problems.push(`table name "${declaration.name}" is not snake_case`);
  const seen = new Set<string>();
  for (const { name, type, maxLength } of declaration.columns) {
    if (!SNAKE_CASE.test(name)) problems.push(`column "${name}" is not snake_case`);
    if (RESERVED.has(name)) problems.push(`column "${name}" is an SQL keyword; name it for what it holds`);
    if (PERSONAL_DATA.test(name)) problems.push(`column "${name}" would hold personal data`);
    if (name === PARTITION_COLUMN) problems.push(`column "${PARTITION_COLUMN}" is added by the warehouse`);
    if (seen.has(name)) problems.push(`column "${name}" is declared twice`);
    seen.add(name);
    if (type === 'string' && (maxLength === undefined || !Number.isInteger(maxLength) || maxLength < 1)) {
      problems.push(`string column "${name}" needs a maxLength (Redshift VARCHARs have one)`);
    }
    if (type !== 'string' && maxLength !== undefined) problems.push(`column "${name}" is not a string`);
  }
  if (declaration.columns.length === 0) problems.push('a table needs columns');
  if (problems.length > 0) {
    throw new Error(`Warehouse table ${declaration.name}: ${problems.join('; ')}`);
  }
  return {
    name: declaration.name,
    description: declaration.description,
    columns: [...declaration.columns, column(PARTITION_COLUMN, 'date', { nullable: false })],
  };
}

/** The columns an exporter fills (all but `dt`). */
export function exportedColumns(table: WarehouseTable): readonly WarehouseColumn[] {
  return table.columns.filter((c) => c.name !== PARTITION_COLUMN);
}
