import { column, defineWarehouseTable, statementsOf, type WarehouseTable } from '@showroom/server-warehouse';
import { beforeAll, describe, expect, it } from 'vitest';
import { committedSqlFiles, generatedSqlFiles } from './sql-files';
import { warehouseTables } from './warehouse-services';

describe('infra/warehouse/schema.sql and copy.sql', () => {
  let tables: WarehouseTable[];
  beforeAll(async () => {
    // The declarations as each service's own command line prints them (what `npm run warehouse:sql` uses).
    tables = await warehouseTables();
  });

  it('when the services declare their tables, then the committed files are exactly what the generator writes', () => {
    expect(tables.map((table) => table.name)).toEqual(['leads', 'vehicles', 'deals', 'events']);
    const generated = generatedSqlFiles(tables);
    const committed = committedSqlFiles();
    expect(committed.schema, 'run: npm run warehouse:sql -- --write').toBe(generated.schema);
    expect(committed.copy, 'run: npm run warehouse:sql -- --write').toBe(generated.copy);
  });

  it('when a declaration gains a column, then the generated files differ from the committed ones', () => {
    const [first, ...rest] = tables;
    if (!first) throw new Error('no tables');
    const grown = defineWarehouseTable({
      name: first.name,
      description: first.description,
      columns: [...first.columns.filter((c) => c.name !== 'dt'), column('trade_in_offered', 'boolean')],
    });
    expect(generatedSqlFiles([grown, ...rest]).schema).not.toBe(committedSqlFiles().schema);
  });

  it('when the files are read, then every table has its CREATE TABLE and its day-replacing DELETE + COPY', () => {
    const { schema, copy } = committedSqlFiles();
    expect(statementsOf(schema)).toHaveLength(1 + tables.length);
    const copies = statementsOf(copy);
    expect(copies).toHaveLength(2 * tables.length);
    tables.forEach((table, index) => {
      expect(copies[2 * index]).toBe(`DELETE FROM showroom.${table.name} WHERE dt = '{{date}}'`);
      expect(copies[2 * index + 1]).toContain(`FROM 's3://{{bucket}}/warehouse/${table.name}/dt={{date}}/'`);
    });
  });
});
