import { pathToFileURL } from 'node:url';
import {
  sql,
  type ColumnType,
  type DeleteQueryBuilder,
  type DeleteResult,
  type InsertObject,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type SelectQueryBuilder,
  type Selectable,
  type SelectType,
  type Transaction,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import { createDatabase } from './database';
import { migrateToLatest, type Migration } from './migrations';

/** The tables of `DB` whose rows belong to one dealership: those with a `dealership_id` column. */
export type TenantTable<DB> = {
  [T in keyof DB & string]: DB[T] extends { dealership_id: unknown } ? T : never;
}[keyof DB & string];

/** `'leads'` or `'leads as l'`: a tenant table, optionally aliased as in Kysely. */
type TenantTableRef<DB> = TenantTable<DB> | `${TenantTable<DB>} as ${string}`;

/** The name a reference's columns go by in the query (`'leads as l'` → `'l'`). */
type AliasOf<R> = R extends `${string} as ${infer A}` ? A : R & string;

/** The database as a query sees it once an alias (if any) names the table. */
type WithAlias<DB, R> = R extends `${infer T} as ${infer A}` ? DB & { [K in A]: DB[T & keyof DB] } : DB;

/** A tenant row as an update sees it: `dealership_id` can be read, never set (rows stay with their dealership). */
type Pinned<Row> = Omit<Row, 'dealership_id'> & {
  dealership_id: ColumnType<SelectType<Row[keyof Row & 'dealership_id']>, never, never>;
};

/** The database as an update sees it: the updated table, under its alias if any, pinned. */
type ForUpdate<DB, R> = R extends `${infer T} as ${infer A}`
  ? DB & { [K in A]: Pinned<DB[T & keyof DB]> }
  : Omit<DB, R & keyof DB> & { [K in R & string]: Pinned<DB[R & keyof DB]> };

/** A row to insert into a tenant table: everything but `dealership_id`, which the scope fills in. */
export type TenantInsert<DB, T extends TenantTable<DB>> = Omit<InsertObject<DB, T>, 'dealership_id'> & {
  dealership_id?: never;
};

/**
 * Statements on one dealership's rows. Every statement starts with the tenant condition already in
 * it (`WHERE <table>.dealership_id = ?`), inserts get `dealership_id` filled in, and an update cannot
 * set it, so a repository can neither forget the dealership nor move a row to another one. Each
 * method accepts tenant tables only (the tables with a `dealership_id`); the builders returned are
 * plain Kysely builders, so everything else is written as usual.
 *
 * Joins: a second tenant table is joined through {@link DealershipQueries.table}, a derived table
 * that carries its own tenant condition (MariaDB merges it into the outer query: EXPLAIN shows the
 * same SIMPLE plan as a plain join): `.innerJoin(tenant.table('lead_notes').as('n'), 'n.lead_id',
 * 'l.id')`. Joining a tenant table by its name is refused by the tenancy lint rule; tables without a
 * dealership join as usual.
 */
export interface DealershipQueries<DB> {
  readonly dealershipId: string;

  selectFrom<R extends TenantTableRef<DB>>(
    table: R,
  ): SelectQueryBuilder<WithAlias<DB, R>, AliasOf<R> & keyof WithAlias<DB, R>, object>;

  updateTable<R extends TenantTableRef<DB>>(
    table: R,
  ): UpdateQueryBuilder<
    ForUpdate<DB, R>,
    AliasOf<R> & keyof ForUpdate<DB, R>,
    AliasOf<R> & keyof ForUpdate<DB, R>,
    UpdateResult
  >;

  deleteFrom<R extends TenantTableRef<DB>>(
    table: R,
  ): DeleteQueryBuilder<WithAlias<DB, R>, AliasOf<R> & keyof WithAlias<DB, R>, DeleteResult>;

  /** `insertInto(t).values(rows)`: the rows leave out `dealership_id`; the rest chains as in Kysely. */
  insertInto<T extends TenantTable<DB>>(
    table: T,
  ): {
    values(
      rows: TenantInsert<DB, T> | ReadonlyArray<TenantInsert<DB, T>>,
    ): InsertQueryBuilder<DB, T, InsertResult>;
  };

  /** All columns of this dealership's rows of `table`, for joining or nesting: `.as('alias')` it. */
  table<T extends TenantTable<DB>>(table: T): SelectQueryBuilder<DB, T, Selectable<DB[T]>>;
}

/** `'leads as l'` → `'l'`; `'leads'` → `'leads'`. */
function aliasIn(reference: string): string {
  const match = /^\s*\S+\s+as\s+(\S+)\s*$/i.exec(reference);
  return match ? match[1] : reference.trim();
}

/**
 * The only way repositories reach tenant tables: statements scoped to `dealershipId`.
 * `db` may be a `Kysely` or a `Transaction`.
 *
 *     const tenant = forDealership(this.db, dealershipId);
 *     await tenant.selectFrom('vehicles').selectAll().where('id', '=', id).executeTakeFirst();
 */
export function forDealership<DB>(
  db: Kysely<DB> | Transaction<DB>,
  dealershipId: string,
): DealershipQueries<DB> {
  // The typed surface is DealershipQueries; inside, the table names are only known as strings.
  const untyped = db as unknown as Kysely<Record<string, { dealership_id: string }>>;
  const tenantCondition = (reference: string) => `${aliasIn(reference)}.dealership_id` as 'dealership_id';
  const withDealership = (row: object) => ({ ...row, dealership_id: dealershipId });
  const queries = {
    dealershipId,
    selectFrom: (table: string) => untyped.selectFrom(table).where(tenantCondition(table), '=', dealershipId),
    updateTable: (table: string) =>
      untyped.updateTable(table).where(tenantCondition(table), '=', dealershipId),
    deleteFrom: (table: string) => untyped.deleteFrom(table).where(tenantCondition(table), '=', dealershipId),
    insertInto: (table: string) => ({
      values: (rows: object | ReadonlyArray<object>) =>
        untyped
          .insertInto(table)
          .values(Array.isArray(rows) ? rows.map(withDealership) : withDealership(rows as object)),
    }),
    table: (table: string) =>
      untyped.selectFrom(table).selectAll().where(tenantCondition(table), '=', dealershipId),
  };
  return queries as unknown as DealershipQueries<DB>;
}

/**
 * Says out loud that a statement reaches every dealership's rows: the outbox relay, a lookup by a
 * key's hash that finds the dealership, a signed-in user's own memberships. Returns `db` itself; the
 * tenancy lint rule allows it only in the files a service names in its eslint.config.mjs, each with
 * its reason, and refuses it everywhere else.
 */
export function acrossDealerships<DB>(db: Transaction<DB>): Transaction<DB>;
export function acrossDealerships<DB>(db: Kysely<DB>): Kysely<DB>;
export function acrossDealerships<DB>(db: Kysely<DB>): Kysely<DB> {
  return db;
}

/**
 * The tables with a `dealership_id` column once `migrations` have run on an empty, throwaway
 * schema (dropped afterwards), next to the tenant tables the service's eslint.config.mjs declares to
 * the tenancy lint rule. A service test expects the two equal, so a new tenant table cannot go unlinted.
 */
export async function compareTenantTables(
  schema: { url: string; drop(): Promise<void> },
  migrations: Record<string, Migration>,
  eslintConfigPath: string,
): Promise<{ inSchema: string[]; declared: string[] }> {
  const database = createDatabase<unknown>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 1 });
  try {
    await migrateToLatest(database.writer, migrations);
    const { rows } = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.columns
      WHERE table_schema = DATABASE() AND column_name = 'dealership_id'`.execute(database.writer);
    const { default: blocks } = (await import(pathToFileURL(eslintConfigPath).href)) as {
      default: Array<{ rules?: Record<string, unknown> }>;
    };
    const declared = blocks.flatMap((block) => {
      const setting = block.rules?.['showroom-tenancy/scoped-queries'] as [
        string,
        { tenantTables: string[] },
      ];
      return setting ? setting[1].tenantTables : [];
    });
    return { inSchema: rows.map((row) => row.name).sort(), declared: [...new Set(declared)].sort() };
  } finally {
    await database.close();
    await schema.drop();
  }
}
