import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySqlFile, schemaSqlFile, type WarehouseTable } from '@showroom/server-warehouse';
import { WORKSPACE_ROOT } from './warehouse-services';

/** The Redshift schema and the load's SQL, as committed (what the load runs). */
export const SQL_FILES = {
  schema: join(WORKSPACE_ROOT, 'infra/warehouse/schema.sql'),
  copy: join(WORKSPACE_ROOT, 'infra/warehouse/copy.sql'),
} as const;

export interface SqlFileContents {
  schema: string;
  copy: string;
}

/** What the files must hold for these tables. */
export function generatedSqlFiles(tables: readonly WarehouseTable[]): SqlFileContents {
  return { schema: schemaSqlFile(tables), copy: copySqlFile(tables) };
}

export function committedSqlFiles(): SqlFileContents {
  return { schema: readFileSync(SQL_FILES.schema, 'utf8'), copy: readFileSync(SQL_FILES.copy, 'utf8') };
}

export function writeSqlFiles(contents: SqlFileContents): void {
  writeFileSync(SQL_FILES.schema, contents.schema);
  writeFileSync(SQL_FILES.copy, contents.copy);
}
