import { partitionPrefix } from './warehouse-store';
import { PARTITION_COLUMN, type WarehouseColumn, type WarehouseTable, type WarehouseType } from './table';

/** The Redshift schema every warehouse table is in. */
export const REDSHIFT_SCHEMA = 'showroom';

/** What the load fills into copy.sql; nothing else in it varies between runs. */
export const COPY_PLACEHOLDERS = ['date', 'bucket', 'copy_role_arn'] as const;
export type CopyPlaceholder = (typeof COPY_PLACEHOLDERS)[number];

const REDSHIFT_TYPES: Readonly<Record<Exclude<WarehouseType, 'string'>, string>> = {
  timestamp: 'TIMESTAMP',
  date: 'DATE',
  bigint: 'BIGINT',
  integer: 'INTEGER',
  double: 'DOUBLE PRECISION',
  boolean: 'BOOLEAN',
};
/** Redshift's VARCHAR length counts bytes; UTF-8 needs up to 4 per character. */
const MAX_VARCHAR_BYTES = 65_535;

export function redshiftType(column: WarehouseColumn): string {
  if (column.type !== 'string') return REDSHIFT_TYPES[column.type];
  return `VARCHAR(${Math.min(MAX_VARCHAR_BYTES, (column.maxLength ?? 256) * 4)})`;
}

const GENERATED =
  '-- Generated from the warehouse table declarations (services/*/src/warehouse/*-table.ts) by\n' +
  '-- `npm run warehouse:sql -- --write`; a test fails when this file and the declarations differ.\n';

/** The table, sorted by day (every query of the warehouse picks days first); Redshift picks the distribution. */
export function createTableSql(table: WarehouseTable): string {
  const width = Math.max(...table.columns.map((c) => c.name.length));
  const columns = table.columns.map(
    (c) => `  ${c.name.padEnd(width)} ${redshiftType(c)}${c.nullable ? '' : ' NOT NULL'}`,
  );
  return [
    `-- ${table.name}: ${table.description}`,
    `CREATE TABLE IF NOT EXISTS ${REDSHIFT_SCHEMA}.${table.name} (`,
    columns.join(',\n'),
    ')',
    'DISTSTYLE AUTO',
    `SORTKEY (${PARTITION_COLUMN});`,
  ].join('\n');
}

/**
 * A day's load of one table: the day's rows go, then COPY reads the partition's Parquet (columns
 * by position, which is why `dt` is inside the file too). Run in one transaction with the other
 * tables', a load either replaces the whole day or changes nothing, and running it twice is harmless.
 */
export function copySql(table: WarehouseTable): string {
  return [
    `-- ${table.name}`,
    `DELETE FROM ${REDSHIFT_SCHEMA}.${table.name} WHERE ${PARTITION_COLUMN} = '{{date}}';`,
    `COPY ${REDSHIFT_SCHEMA}.${table.name}`,
    `FROM 's3://{{bucket}}/${partitionPrefix(table.name, '{{date}}')}'`,
    `IAM_ROLE '{{copy_role_arn}}'`,
    'FORMAT AS PARQUET;',
  ].join('\n');
}

/** infra/warehouse/schema.sql. */
export function schemaSqlFile(tables: readonly WarehouseTable[]): string {
  return (
    [
      `${GENERATED}-- Applied by every load before copy.sql; each statement is safe to run again.`,
      `CREATE SCHEMA IF NOT EXISTS ${REDSHIFT_SCHEMA};`,
      ...tables.map(createTableSql),
    ].join('\n\n') + '\n'
  );
}

/** infra/warehouse/copy.sql. */
export function copySqlFile(tables: readonly WarehouseTable[]): string {
  return (
    [
      `${GENERATED}-- The load fills {{date}} (the day, YYYY-MM-DD), {{bucket}} (the warehouse bucket) and\n` +
        '-- {{copy_role_arn}} (the IAM role Redshift assumes to read warehouse/), then runs every statement\n' +
        '-- in one transaction (Redshift Data API BatchExecuteStatement).',
      ...tables.map(copySql),
    ].join('\n\n') + '\n'
  );
}

/** The statements of a generated SQL file, comments and blank lines dropped, without the final `;`. */
export function statementsOf(sqlText: string): string[] {
  const code = sqlText
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return code
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

const PLACEHOLDER_CHECKS: Readonly<Record<CopyPlaceholder, RegExp>> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  bucket: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  copy_role_arn: /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
};

/**
 * Fills the placeholders. Each value is checked against its shape first: they end up inside SQL
 * string literals, so nothing that could close a quote gets in.
 */
export function fillPlaceholders(sqlText: string, values: Readonly<Record<CopyPlaceholder, string>>): string {
  for (const name of COPY_PLACEHOLDERS) {
    if (!PLACEHOLDER_CHECKS[name].test(values[name])) {
      throw new Error(`${name} ${JSON.stringify(values[name])} is not a valid value for {{${name}}}`);
    }
  }
  const filled = sqlText.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (!(COPY_PLACEHOLDERS as readonly string[]).includes(name))
      throw new Error(`unknown placeholder ${whole}`);
    return values[name as CopyPlaceholder];
  });
  return filled;
}
