import { describe, expect, it } from 'vitest';
import { column, defineWarehouseTable, exportedColumns } from './table';

describe('a warehouse table declaration', () => {
  it('when declared with good columns, then the day partition column comes last and exporters fill the rest', () => {
    const table = defineWarehouseTable({
      name: 'vehicles',
      description: 'one vehicle',
      columns: [column('id', 'string', { nullable: false, maxLength: 36 }), column('price_cents', 'bigint')],
    });
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'price_cents', 'dt']);
    expect(table.columns.at(-1)).toEqual({ name: 'dt', type: 'date', nullable: false });
    expect(exportedColumns(table).map((c) => c.name)).toEqual(['id', 'price_cents']);
  });

  it('when a column is a keyword, repeated, unsized or called dt, or would hold personal data, then the declaration names every mistake', () => {
    expect(() =>
      defineWarehouseTable({
        name: 'Leads',
        description: 'x',
        columns: [
          column('type', 'string', { maxLength: 10 }),
          column('source', 'string'),
          column('dt', 'date'),
          column('id', 'bigint'),
          column('id', 'bigint', { maxLength: 3 }),
          column('salesperson_name', 'string', { maxLength: 120 }),
          column('shopper_email', 'string', { maxLength: 254 }),
        ],
      }),
    ).toThrow(
      /table name "Leads" is not snake_case.*column "type" is an SQL keyword.*string column "source" needs a maxLength.*column "dt" is added by the warehouse.*column "id" is declared twice.*column "id" is not a string.*column "salesperson_name" would hold personal data.*column "shopper_email" would hold personal data/,
    );
  });
});
