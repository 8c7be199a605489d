import { describe, expect, it } from 'vitest';
import {
  copySql,
  copySqlFile,
  createTableSql,
  fillPlaceholders,
  schemaSqlFile,
  statementsOf,
} from './redshift-sql';
import { column, defineWarehouseTable } from './table';

const table = defineWarehouseTable({
  name: 'vehicles',
  description: 'a vehicle on the lot at the end of the day',
  columns: [
    column('id', 'string', { nullable: false, maxLength: 36 }),
    column('listed_at', 'timestamp'),
    column('price_cents', 'bigint'),
    column('model_year', 'integer'),
    column('weight', 'double', { nullable: false }),
    column('published', 'boolean'),
  ],
});
const values = {
  date: '2026-12-05',
  bucket: 'showroom-prod-warehouse',
  copy_role_arn: 'arn:aws:iam::123456789012:role/showroom-prod-redshift-copy',
};

describe('Redshift SQL from a declaration', () => {
  it('when a table is declared, then CREATE TABLE has its columns in order (UTF-8 bytes for strings), dt last, sorted by day', () => {
    expect(createTableSql(table)).toBe(
      [
        '-- vehicles: a vehicle on the lot at the end of the day',
        'CREATE TABLE IF NOT EXISTS showroom.vehicles (',
        '  id          VARCHAR(144) NOT NULL,',
        '  listed_at   TIMESTAMP,',
        '  price_cents BIGINT,',
        '  model_year  INTEGER,',
        '  weight      DOUBLE PRECISION NOT NULL,',
        '  published   BOOLEAN,',
        '  dt          DATE NOT NULL',
        ')',
        'DISTSTYLE AUTO',
        'SORTKEY (dt);',
      ].join('\n'),
    );
  });

  it("when a day is loaded, then the day's rows are deleted and COPY reads that day's Parquet partition with the copy role", () => {
    expect(statementsOf(fillPlaceholders(copySql(table), values))).toEqual([
      "DELETE FROM showroom.vehicles WHERE dt = '2026-12-05'",
      "COPY showroom.vehicles\nFROM 's3://showroom-prod-warehouse/warehouse/vehicles/dt=2026-12-05/'\nIAM_ROLE 'arn:aws:iam::123456789012:role/showroom-prod-redshift-copy'\nFORMAT AS PARQUET",
    ]);
  });

  it('when the files are generated, then the schema comes first and each table has its statements, comments aside', () => {
    expect(statementsOf(schemaSqlFile([table]))).toEqual([
      'CREATE SCHEMA IF NOT EXISTS showroom',
      expect.stringMatching(/^CREATE TABLE IF NOT EXISTS showroom\.vehicles \(/),
    ]);
    expect(statementsOf(copySqlFile([table, { ...table, name: 'leads' }]))).toHaveLength(4);
  });

  it('when a placeholder value could break out of its quotes, or a placeholder is unknown, then filling refuses', () => {
    expect(() => fillPlaceholders('x', { ...values, date: "2026-12-05'; DROP TABLE x; --" })).toThrow(
      /date .* is not a valid value/,
    );
    expect(() =>
      fillPlaceholders('x', { ...values, copy_role_arn: "arn:aws:iam::123456789012:role/a'b" }),
    ).toThrow(/copy_role_arn/);
    expect(() => fillPlaceholders('{{schema}}', values)).toThrow(/unknown placeholder \{\{schema\}\}/);
  });
});
