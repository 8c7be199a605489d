import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { useIndexes } from './index-hints';
import { forDealership } from './tenancy';
import { openThrowawayDatabase, type ThrowawayDatabase } from './testing/throwaway-database';

interface Db {
  people: { dealership_id: string; id: number; email: string; phone: string; created_at: Date };
  dealers: { dealership_id: string; name: string };
}

let throwaway: ThrowawayDatabase<Db>;
let database: Database<Db>;

beforeAll(async () => {
  throwaway = await openThrowawayDatabase<Db>('index_hints', [
    sql`CREATE TABLE people (
      dealership_id CHAR(4) NOT NULL, id INT NOT NULL, email VARCHAR(40) NOT NULL,
      phone VARCHAR(20) NOT NULL, created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (dealership_id, id),
      KEY people_by_arrival (dealership_id, created_at),
      KEY people_by_email (dealership_id, email),
      KEY people_by_phone (dealership_id, phone)
    ) ENGINE=InnoDB`,
    sql`CREATE TABLE dealers (dealership_id CHAR(4) PRIMARY KEY, name VARCHAR(40) NOT NULL) ENGINE=InnoDB`,
  ]);
  database = throwaway.database;
  await database.writer
    .insertInto('dealers')
    .values([
      { dealership_id: 'd-1', name: 'One' },
      { dealership_id: 'd-2', name: 'Two' },
    ])
    .execute();
  await database.writer
    .insertInto('people')
    .values(
      Array.from({ length: 40 }, (_, id) => ({
        dealership_id: id % 2 ? 'd-1' : 'd-2',
        id,
        email: `p${id}@example.com`,
        phone: `555${id}`,
        created_at: new Date(Date.UTC(2026, 0, 1 + id)),
      })),
    )
    .execute();
});

afterAll(() => throwaway.drop());

const byEmailOrPhone = (email: string, phone: string) =>
  forDealership(database.writer, 'd-1')
    .selectFrom('people as p')
    .select(['p.id', 'p.email'])
    .where((eb) => eb.or([eb('p.email', '=', email), eb('p.phone', '=', phone)]))
    .orderBy('p.created_at', 'desc')
    .limit(1);

describe('useIndexes', () => {
  it('puts the hint after the table and its alias, and leaves column references alone', () => {
    const compiled = byEmailOrPhone('a', 'b')
      .withPlugin(useIndexes('people', ['people_by_email', 'people_by_phone']))
      .compile();
    expect(compiled.sql).toContain(
      'from `people` as `p` use index (`people_by_email`, `people_by_phone`) where `p`.`dealership_id` = ?',
    );
    expect(compiled.parameters).toEqual(['d-1', 'a', 'b', 1]);
  });

  it('hints the table inside a subquery that another query joins, and no other table', () => {
    const open = byEmailOrPhone('a', 'b').withPlugin(useIndexes('people', ['people_by_email']));
    const compiled = forDealership(database.writer, 'd-1')
      .selectFrom('dealers as d')
      .leftJoin(open.as('o'), (join) => join.onTrue())
      .select(['d.name', 'o.id'])
      .compile();
    expect(compiled.sql).toContain('from `people` as `p` use index (`people_by_email`)');
    expect(compiled.sql).toContain('from `dealers` as `d` left join');
  });

  it('limits what the optimizer weighs to the named indexes, and the lookup still finds its row', async () => {
    const plain = byEmailOrPhone('p7@example.com', '55511');
    const hinted = plain.withPlugin(useIndexes('people', ['people_by_email', 'people_by_phone']));
    const possibleKeys = async (query: typeof plain) => {
      const { sql: text, parameters } = query.compile();
      const { rows } = await database.writer.executeQuery<{ possible_keys: string }>(
        CompiledQuery.raw(`EXPLAIN ${text}`, [...parameters]),
      );
      return rows[0]?.possible_keys.split(',').sort();
    };
    expect(await possibleKeys(plain)).toEqual(
      ['PRIMARY', 'people_by_arrival', 'people_by_email', 'people_by_phone'].sort(),
    );
    expect(await possibleKeys(hinted)).toEqual(['people_by_email', 'people_by_phone']);
    expect(await hinted.execute()).toEqual([{ id: 11, email: 'p11@example.com' }]);
  });

  it('refuses an empty list, which MySQL would read as "use no index"', () => {
    expect(() => useIndexes('people', [])).toThrow(/at least one index/);
  });
});
