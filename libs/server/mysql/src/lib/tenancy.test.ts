import {
  DummyDriver,
  Kysely,
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  sql,
  type ColumnType,
  type Generated,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { acrossDealerships, forDealership, type TenantTable } from './tenancy';

interface Db {
  cars: {
    id: string;
    dealership_id: string;
    make: string;
    version: ColumnType<number, number | undefined, number>;
  };
  notes: { id: Generated<number>; dealership_id: string; car_id: string; body: string };
  people: { id: string; name: string };
}

/** Compiles MySQL without a server. */
const db = new Kysely<Db>({
  dialect: {
    createAdapter: () => new MysqlAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new MysqlIntrospector(k),
    createQueryCompiler: () => new MysqlQueryCompiler(),
  },
});
const tenant = forDealership(db, 'd-1');

describe('forDealership', () => {
  it('starts a select with the tenant condition', () => {
    const query = tenant.selectFrom('cars').selectAll().where('id', '=', 'c-1').compile();
    expect(query.sql).toBe('select * from `cars` where `cars`.`dealership_id` = ? and `id` = ?');
    expect(query.parameters).toEqual(['d-1', 'c-1']);
  });

  it('scopes the alias when the table has one', () => {
    const query = tenant.selectFrom('cars as c').select('c.make').compile();
    expect(query.sql).toBe('select `c`.`make` from `cars` as `c` where `c`.`dealership_id` = ?');
  });

  it('starts updates and deletes with the tenant condition', () => {
    const update = tenant.updateTable('cars').set({ make: 'Kia' }).where('id', '=', 'c-1').compile();
    expect(update.sql).toBe('update `cars` set `make` = ? where `cars`.`dealership_id` = ? and `id` = ?');
    expect(update.parameters).toEqual(['Kia', 'd-1', 'c-1']);
    const remove = tenant.deleteFrom('cars').where('id', '=', 'c-1').compile();
    expect(remove.sql).toBe('delete from `cars` where `cars`.`dealership_id` = ? and `id` = ?');
  });

  it('fills dealership_id on every inserted row', () => {
    const one = tenant.insertInto('cars').values({ id: 'c-1', make: 'Kia' }).compile();
    expect(one.sql).toBe('insert into `cars` (`id`, `make`, `dealership_id`) values (?, ?, ?)');
    expect(one.parameters).toEqual(['c-1', 'Kia', 'd-1']);
    const many = tenant
      .insertInto('notes')
      .values([
        { car_id: 'c-1', body: 'a' },
        { car_id: 'c-2', body: sql<string>`concat('b', 'c')` },
      ])
      .compile();
    expect(many.parameters).toEqual(['c-1', 'a', 'd-1', 'c-2', 'd-1']);
  });

  it('joins a second tenant table as a derived table scoped on its own', () => {
    const query = tenant
      .selectFrom('cars as c')
      .innerJoin(tenant.table('notes').as('n'), 'n.car_id', 'c.id')
      .select(['c.make', 'n.body'])
      .compile();
    expect(query.sql).toBe(
      'select `c`.`make`, `n`.`body` from `cars` as `c` inner join ' +
        '(select * from `notes` where `notes`.`dealership_id` = ?) as `n` on `n`.`car_id` = `c`.`id` ' +
        'where `c`.`dealership_id` = ?',
    );
    expect(query.parameters).toEqual(['d-1', 'd-1']);
  });

  it('scopes a correlated subquery started from the same builder', () => {
    const query = tenant
      .updateTable('cars')
      .set({
        make: tenant
          .selectFrom('notes as n')
          .select((eb) => eb.fn.max('n.body').as('body'))
          .where('n.car_id', '=', sql.ref<string>('cars.id')),
      })
      .compile();
    expect(query.sql).toBe(
      'update `cars` set `make` = (select max(`n`.`body`) as `body` from `notes` as `n` ' +
        'where `n`.`dealership_id` = ? and `n`.`car_id` = `cars`.`id`) where `cars`.`dealership_id` = ?',
    );
  });

  it('leaves acrossDealerships statements as written', () => {
    expect(acrossDealerships(db).selectFrom('cars').selectAll().compile().sql).toBe('select * from `cars`');
  });
});

// Type-level checks: the project's typecheck compiles this file, so each @ts-expect-error below
// fails the build the day the builder starts accepting what it must refuse.
export function typeChecks(): void {
  const tables: TenantTable<Db>[] = ['cars', 'notes'];
  // @ts-expect-error a table without dealership_id is not a tenant table
  tables.push('people');

  // @ts-expect-error the builder reaches tenant tables only
  tenant.selectFrom('people');
  // @ts-expect-error ...also under an alias
  tenant.selectFrom('people as p');
  // @ts-expect-error ...and for writes
  tenant.updateTable('people');
  // @ts-expect-error ...and deletes
  tenant.deleteFrom('people');

  // @ts-expect-error the scope fills dealership_id: a row cannot name another dealership
  tenant.insertInto('cars').values({ id: 'c-1', make: 'Kia', dealership_id: 'd-2' });
  // @ts-expect-error ...nor in a list of rows
  tenant.insertInto('cars').values([{ id: 'c-1', make: 'Kia', dealership_id: 'd-2' }]);
  // @ts-expect-error the other required columns are still required
  tenant.insertInto('cars').values({ id: 'c-1' });

  // @ts-expect-error an update cannot move a row to another dealership
  tenant.updateTable('cars').set({ dealership_id: 'd-2' });
  // @ts-expect-error ...under an alias neither
  tenant.updateTable('cars as c').set({ 'c.dealership_id': 'd-2' });
  tenant.updateTable('cars as c').set({ make: 'Kia' }).where('c.dealership_id', '=', 'd-1');

  // @ts-expect-error an alias hides the table's own name, as in Kysely
  tenant.selectFrom('cars as c').select('cars.make');
}

export async function transactionChecks(): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await forDealership(trx, 'd-1').insertInto('notes').values({ car_id: 'c-1', body: 'b' }).execute();
    const kept = acrossDealerships(trx);
    await kept.selectFrom('cars').selectAll().execute();
  });
}
