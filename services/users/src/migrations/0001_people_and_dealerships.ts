import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const peopleAndDealerships: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('dealer_groups')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
    await db.schema
      .createTable('dealerships')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealer_group_id', 'char(36)', (c) => c.references('dealer_groups.id'))
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
      .addColumn('city', 'varchar(80)')
      .addColumn('region', 'varchar(40)')
      .addColumn('time_zone', 'varchar(64)', (c) => c.notNull().defaultTo('America/New_York'))
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addColumn('updated_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
    await db.schema
      .createTable('memberships')
      .addColumn('user_id', 'varchar(128)', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('dealership_id', 'char(36)', (c) =>
        c.notNull().references('dealerships.id').onDelete('cascade'),
      )
      .addColumn('role', sql`enum('owner','manager','sales','viewer')`, (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'dealership_id'])
      .execute();
    await db.schema
      .createIndex('memberships_by_dealership')
      .on('memberships')
      .columns(['dealership_id', 'role'])
      .execute();
  },
};
