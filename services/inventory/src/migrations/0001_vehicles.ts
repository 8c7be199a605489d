import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const vehicles: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('vehicles')
      .addColumn('id', 'char(36)', (c) => c.notNull())
      .addColumn('dealership_id', 'char(36)', (c) => c.notNull())
      .addColumn('vin', 'char(17)', (c) => c.notNull())
      .addColumn('stock_number', 'varchar(20)', (c) => c.notNull())
      .addColumn('vehicle_condition', sql`enum('new','used','certified')`, (c) => c.notNull())
      .addColumn('year', 'smallint', (c) => c.notNull())
      .addColumn('make', 'varchar(40)', (c) => c.notNull())
      .addColumn('model', 'varchar(60)', (c) => c.notNull())
      .addColumn('trim', 'varchar(60)')
      .addColumn('body_style', 'varchar(20)')
      .addColumn('drivetrain', 'varchar(8)')
      .addColumn('transmission', 'varchar(12)')
      .addColumn('fuel_type', 'varchar(20)')
      .addColumn('engine', 'varchar(80)')
      .addColumn('exterior_color', 'varchar(40)')
      .addColumn('interior_color', 'varchar(40)')
      .addColumn('mileage', 'integer', (c) => c.notNull().unsigned())
      .addColumn('price_cents', 'bigint')
      .addColumn('msrp_cents', 'bigint')
      .addColumn('currency', 'char(3)', (c) => c.notNull().defaultTo('USD'))
      .addColumn('status', sql`enum('available','pending','sold','archived')`, (c) =>
        c.notNull().defaultTo('available'),
      )
      .addColumn('description', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      // Clustered by dealership: every query reads one dealership's rows, which then lie together.
      .addPrimaryKeyConstraint('vehicles_pk', ['dealership_id', 'id'])
      .addUniqueConstraint('vehicles_stock_number_per_dealership', ['dealership_id', 'stock_number'])
      .execute();
    // Every list query filters on the dealership first; these serve its filters and sorts.
    const indexes: Array<[string, string[]]> = [
      ['vehicles_by_vin', ['dealership_id', 'vin']],
      ['vehicles_by_status_age', ['dealership_id', 'status', 'created_at']],
      ['vehicles_by_age', ['dealership_id', 'created_at']],
      ['vehicles_by_make_model', ['dealership_id', 'make', 'model']],
      ['vehicles_by_price', ['dealership_id', 'price_cents']],
      ['vehicles_by_year', ['dealership_id', 'year']],
      ['vehicles_by_mileage', ['dealership_id', 'mileage']],
      // Covers the facet count of a filtered list without reading the rows.
      [
        'vehicles_facets',
        [
          'dealership_id',
          'status',
          'vehicle_condition',
          'year',
          'price_cents',
          'mileage',
          'make',
          'model',
          'body_style',
        ],
      ],
    ];
    for (const [name, columns] of indexes) {
      await db.schema.createIndex(name).on('vehicles').columns(columns).execute();
    }
  },
};
