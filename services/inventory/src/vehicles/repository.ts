import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { FacetCount, VehicleFacets, VehicleListQuery } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { InventoryDatabase, VehicleTable } from '../database';

export type VehicleRow = Selectable<VehicleTable>;
type Filterable = ExpressionBuilder<InventoryDatabase, 'vehicles'>;

const SORT_COLUMNS = {
  price: 'price_cents',
  year: 'year',
  mileage: 'mileage',
  daysInStock: 'created_at',
} as const;

/** `%` and `_` typed by a dealer are literal characters, not wildcards. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every condition of a list query; each word of the free text must match VIN, stock, make or model. */
function listFilter(query: VehicleListQuery) {
  return (eb: Filterable) => {
    const conditions: Expression<SqlBool>[] = [];
    if (query.status) conditions.push(eb('status', 'in', query.status));
    if (query.condition) conditions.push(eb('vehicle_condition', 'in', query.condition));
    if (query.bodyStyle) conditions.push(eb('body_style', 'in', query.bodyStyle));
    if (query.make) conditions.push(eb('make', '=', query.make));
    if (query.model) conditions.push(eb('model', '=', query.model));
    if (query.yearMin !== undefined) conditions.push(eb('year', '>=', query.yearMin));
    if (query.yearMax !== undefined) conditions.push(eb('year', '<=', query.yearMax));
    if (query.priceMin !== undefined) conditions.push(eb('price_cents', '>=', query.priceMin));
    if (query.priceMax !== undefined) conditions.push(eb('price_cents', '<=', query.priceMax));
    if (query.mileageMin !== undefined) conditions.push(eb('mileage', '>=', query.mileageMin));
    if (query.mileageMax !== undefined) conditions.push(eb('mileage', '<=', query.mileageMax));
    for (const word of (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
      const pattern = likeContaining(word);
      conditions.push(
        eb.or([
          eb('vin', 'like', pattern),
          eb('stock_number', 'like', pattern),
          eb('make', 'like', pattern),
          eb('model', 'like', pattern),
        ]),
      );
    }
    return eb.and(conditions);
  };
}

function facetList(counts: Map<string, number>, limit: number): FacetCount[] {
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, limit);
}

/** SQL for vehicles; every statement is scoped to one dealership by `forDealership`. */
export class VehicleRepository {
  constructor(
    private readonly writer: Kysely<InventoryDatabase>,
    private readonly reader: Kysely<InventoryDatabase>,
  ) {}

  async insert({ dealership_id, ...row }: Insertable<VehicleTable>): Promise<void> {
    await forDealership(this.writer, dealership_id).insertInto('vehicles').values(row).execute();
  }

  /** Reads from the writer: callers use it right after their own writes. */
  async findById(dealershipId: string, id: string): Promise<VehicleRow | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findByStockNumber(dealershipId: string, stockNumber: string): Promise<VehicleRow | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where('stock_number', '=', stockNumber)
      .executeTakeFirst();
  }

  /**
   * For another service naming a car: the vehicle with this VIN (or stock number; both compare
   * case-insensitively, as the schema's collation does), the one on the lot before sold ones,
   * newest first. Reads a replica: nothing here follows the caller's own write.
   */
  async findForLookup(
    dealershipId: string,
    ref: { vin: string } | { stockNumber: string },
  ): Promise<VehicleRow | undefined> {
    return forDealership(this.reader, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where((eb) => ('vin' in ref ? eb('vin', '=', ref.vin) : eb('stock_number', '=', ref.stockNumber)))
      .orderBy(sql`status IN ('available', 'pending')`, 'desc')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  /** The newest vehicle with this VIN that is still on the lot (available or pending), if any. */
  async findInStockByVin(dealershipId: string, vin: string): Promise<VehicleRow | undefined> {
    return forDealership(this.writer, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where('vin', '=', vin)
      .where('status', 'in', ['available', 'pending'])
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  /** Applies the change only if the row still has `expectedVersion`; false when it changed meanwhile. */
  async updateIfVersion(
    dealershipId: string,
    id: string,
    expectedVersion: number,
    changes: Omit<Updateable<VehicleTable>, 'dealership_id'>,
  ): Promise<boolean> {
    const result = await forDealership(this.writer, dealershipId)
      .updateTable('vehicles')
      .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteIfVersion(dealershipId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await forDealership(this.writer, dealershipId)
      .deleteFrom('vehicles')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async listPage(dealershipId: string, query: VehicleListQuery): Promise<VehicleRow[]> {
    let select = forDealership(this.reader, dealershipId)
      .selectFrom('vehicles')
      .selectAll()
      .where(listFilter(query));
    if (query.sort) {
      const descending = query.sort.startsWith('-');
      const field = query.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS;
      const column = SORT_COLUMNS[field];
      // Days in stock grows as created_at shrinks, so that sort runs the other way.
      const direction = (field === 'daysInStock') !== descending ? 'desc' : 'asc';
      // Unpriced vehicles go last either way. Descending, NULL already sorts last, and the
      // price index can serve the order and stop after one page.
      if (column === 'price_cents' && direction === 'asc') select = select.orderBy(sql`price_cents IS NULL`);
      select = select.orderBy(column, direction).orderBy('id', direction);
    } else {
      select = select.orderBy('created_at', 'desc').orderBy('id', 'desc');
    }
    return select
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
  }

  /** Total and facet counts of the filtered set in one grouped scan. */
  async countAndFacets(
    dealershipId: string,
    query: VehicleListQuery,
  ): Promise<{ total: number; facets: VehicleFacets }> {
    const groups = await forDealership(this.reader, dealershipId)
      .selectFrom('vehicles')
      .select(['make', 'model', 'body_style', 'vehicle_condition', (eb) => eb.fn.countAll<number>().as('n')])
      .where(listFilter(query))
      .groupBy(['make', 'model', 'body_style', 'vehicle_condition'])
      // MariaDB sorts GROUP BY results unless told not to; the order is ours to pick afterwards.
      .orderBy(sql`NULL`)
      .execute();
    const tallies = {
      make: new Map<string, number>(),
      model: new Map<string, number>(),
      bodyStyle: new Map<string, number>(),
      condition: new Map<string, number>(),
    };
    let total = 0;
    const add = (map: Map<string, number>, key: string | null, n: number) => {
      if (key !== null) map.set(key, (map.get(key) ?? 0) + n);
    };
    for (const group of groups) {
      const n = Number(group.n);
      total += n;
      add(tallies.make, group.make, n);
      add(tallies.model, group.model, n);
      add(tallies.bodyStyle, group.body_style, n);
      add(tallies.condition, group.vehicle_condition, n);
    }
    return {
      total,
      facets: {
        make: facetList(tallies.make, 50),
        model: facetList(tallies.model, 50),
        bodyStyle: facetList(tallies.bodyStyle, 20),
        condition: facetList(tallies.condition, 5),
      },
    };
  }

  /** Highest number used after `letter` in stock numbers like U1042, or null when none. */
  async highestStockNumber(dealershipId: string, letter: string): Promise<number | null> {
    const row = await forDealership(this.writer, dealershipId)
      .selectFrom('vehicles')
      .select(sql<number | null>`MAX(CAST(SUBSTRING(stock_number, 2) AS UNSIGNED))`.as('highest'))
      .where(sql<boolean>`stock_number REGEXP ${`^${letter}[0-9]{1,9}$`}`)
      .executeTakeFirst();
    return row?.highest === null || row?.highest === undefined ? null : Number(row.highest);
  }
}
