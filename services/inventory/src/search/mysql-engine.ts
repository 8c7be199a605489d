import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { FacetCount, Highlight, HighlightField, ValueFacet } from '@showroom/contracts';
import { acrossDealerships } from '@showroom/server-mysql';
import type { InventoryDatabase } from '../database';
import {
  FACET_VALUE_LIMITS,
  type SearchFilters,
  type SearchRequest,
  type SearchResult,
  type SynonymRule,
  type VehicleSearchEngine,
} from './port';
import { expandWords, searchWords } from './synonyms';

type Filterable = ExpressionBuilder<InventoryDatabase, 'vehicles'>;

/** Each value facet's column. */
const FACET_COLUMNS = {
  make: 'make',
  model: 'model',
  bodyStyle: 'body_style',
  condition: 'vehicle_condition',
  drivetrain: 'drivetrain',
  fuelType: 'fuel_type',
  exteriorColor: 'exterior_color',
} as const satisfies Record<ValueFacet, string>;

/** The columns a word of free text may match (year compared as text). */
const TEXT_COLUMNS = [
  'vin',
  'stock_number',
  'make',
  'model',
  'trim',
  'body_style',
  'drivetrain',
  'fuel_type',
  'exterior_color',
] as const;

const JOINED_COLUMNS = ['make', 'model', 'trim'] as const;

const HIGHLIGHT_COLUMNS: Record<HighlightField, string> = {
  year: 'year',
  make: 'make',
  model: 'model',
  trim: 'trim',
  bodyStyle: 'body_style',
  exteriorColor: 'exterior_color',
  stockNumber: 'stock_number',
  vin: 'vin',
};

/** A word somewhere in the car's text fields, or its model year. */
function wordMatches(eb: Filterable, word: string): Expression<SqlBool> {
  return eb.or([
    ...TEXT_COLUMNS.map((column) => eb(column, 'like', likeContaining(word))),
    // "f150" finds the F-150: names compared without their dashes and spaces too.
    ...JOINED_COLUMNS.map((column) =>
      eb(sql<string>`REPLACE(REPLACE(${sql.ref(column)}, '-', ''), ' ', '')`, 'like', likeContaining(word)),
    ),
    eb(sql<string>`CAST(year AS CHAR)`, '=', word),
  ]);
}

/** `%` and `_` typed by a dealer are literal characters, not wildcards. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterConditions(eb: Filterable, filters: SearchFilters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const anyOf = <
    C extends
      | 'status'
      | 'vehicle_condition'
      | 'body_style'
      | 'drivetrain'
      | 'fuel_type'
      | 'make'
      | 'model'
      | 'exterior_color',
  >(
    column: C,
    values: readonly string[] | undefined,
  ) => {
    // The schema's collation compares case-insensitively, as the filters promise.
    if (values?.length) conditions.push(eb(column, 'in', values as never));
  };
  anyOf('status', filters.status);
  anyOf('vehicle_condition', filters.condition);
  anyOf('body_style', filters.bodyStyle);
  anyOf('drivetrain', filters.drivetrain);
  anyOf('fuel_type', filters.fuelType);
  anyOf('make', filters.make);
  anyOf('model', filters.model);
  anyOf('exterior_color', filters.exteriorColor);
  if (filters.published !== undefined) conditions.push(eb('published', '=', filters.published));
  const between = (column: 'year' | 'price_cents' | 'mileage', min?: number, max?: number) => {
    if (min !== undefined) conditions.push(eb(column, '>=', min));
    if (max !== undefined) conditions.push(eb(column, '<=', max));
  };
  between('year', filters.yearMin, filters.yearMax);
  between('price_cents', filters.priceMin, filters.priceMax);
  between('mileage', filters.mileageMin, filters.mileageMax);
  return conditions;
}

/**
 * The search as MySQL can answer it: exact filters, facets and sorts, and free text as substrings
 * (each word, or one of its synonyms, somewhere in the car's fields) — no typo tolerance and no
 * relevance ranking. It is what answers while an engine is cold or down: slower, still correct.
 */
export class MysqlSearchEngine implements VehicleSearchEngine {
  readonly name = 'mysql';

  constructor(
    private readonly reader: Kysely<InventoryDatabase>,
    private readonly synonyms: readonly SynonymRule[] = [],
  ) {}

  async search(request: SearchRequest): Promise<SearchResult> {
    const words = searchWords(request.text ?? '').slice(0, 10);
    // Each unit of the text (a word, or a phrase a synonym names) must match by one of its spellings.
    const units = expandWords(words, this.synonyms);
    const where = (eb: Filterable) =>
      eb.and([
        eb('dealership_id', 'in', [...request.dealershipIds]),
        ...filterConditions(eb, request.filters),
        ...units.map((alternatives) =>
          eb.or(
            alternatives.map((alternative) =>
              eb.and(alternative.split(' ').map((word) => wordMatches(eb, word))),
            ),
          ),
        ),
      ]);
    const [rows, summary] = await Promise.all([this.page(request, where), this.summary(request, where)]);
    return {
      hits: rows.map((row) => ({
        dealershipId: row.dealership_id,
        id: row.id,
        highlights: highlightsOf(row as unknown as Record<string, unknown>, words),
      })),
      ...summary,
    };
  }

  private vehicles() {
    // A search reads exactly the rooftops the request names: the caller's own, or their group's.
    return acrossDealerships(this.reader).selectFrom('vehicles');
  }

  private async page(request: SearchRequest, where: (eb: Filterable) => Expression<SqlBool>) {
    let select = this.vehicles()
      .select(['id', 'dealership_id', ...Object.values(HIGHLIGHT_COLUMNS)] as never[])
      .where(where);
    const sort = request.sort === 'relevance' ? 'daysInStock' : request.sort;
    const descending = sort.startsWith('-');
    const field = sort.replace(/^-/, '');
    if (field === 'daysInStock') {
      // Newest on the lot first when ascending: days in stock grow as created_at shrinks.
      const direction = descending ? 'asc' : 'desc';
      select = select.orderBy('created_at', direction).orderBy('id');
    } else {
      const column = field === 'price' ? 'price_cents' : (field as 'year' | 'mileage');
      const direction = descending ? 'desc' : 'asc';
      // Unpriced vehicles go last either way.
      if (column === 'price_cents') select = select.orderBy(sql`price_cents IS NULL`);
      select = select.orderBy(column, direction).orderBy('id');
    }
    const rows = await select
      .limit(request.pageSize)
      .offset((request.page - 1) * request.pageSize)
      .execute();
    return rows as unknown as Array<{ id: string; dealership_id: string } & Record<string, unknown>>;
  }

  /** Total, facet counts and ranges of the matching set in one grouped scan. */
  private async summary(
    request: SearchRequest,
    where: (eb: Filterable) => Expression<SqlBool>,
  ): Promise<Omit<SearchResult, 'hits'>> {
    const facetColumns = Object.values(FACET_COLUMNS);
    const groups = (await this.vehicles()
      .select([
        ...(facetColumns as never[]),
        sql<number>`COUNT(*)`.as('n'),
        sql<number | null>`MIN(year)`.as('year_min'),
        sql<number | null>`MAX(year)`.as('year_max'),
        sql<number | null>`MIN(price_cents)`.as('price_min'),
        sql<number | null>`MAX(price_cents)`.as('price_max'),
        sql<number | null>`MIN(mileage)`.as('mileage_min'),
        sql<number | null>`MAX(mileage)`.as('mileage_max'),
      ])
      .where(where)
      .groupBy(facetColumns as never[])
      // MariaDB sorts GROUP BY results unless told not to; the order is ours to pick afterwards.
      .orderBy(sql`NULL`)
      .execute()) as unknown as Array<Record<string, string | number | null>>;
    let total = 0;
    const tallies = new Map<ValueFacet, Map<string, number>>();
    const ranges = { year: new Extent(), price: new Extent(), mileage: new Extent() };
    for (const group of groups) {
      const n = Number(group['n']);
      total += n;
      for (const [facet, column] of Object.entries(FACET_COLUMNS) as Array<[ValueFacet, string]>) {
        const value = group[column];
        if (value === null || value === undefined) continue;
        const tally = tallies.get(facet) ?? new Map<string, number>();
        tally.set(String(value), (tally.get(String(value)) ?? 0) + n);
        tallies.set(facet, tally);
      }
      ranges.year.add(group['year_min'], group['year_max']);
      ranges.price.add(group['price_min'], group['price_max']);
      ranges.mileage.add(group['mileage_min'], group['mileage_max']);
    }
    const facets: SearchResult['facets'] = {};
    const asked: SearchResult['ranges'] = {};
    for (const facet of request.facets) {
      if (facet in FACET_COLUMNS) {
        const valueFacet = facet as ValueFacet;
        facets[valueFacet] = facetList(tallies.get(valueFacet), FACET_VALUE_LIMITS[valueFacet]);
      } else {
        const rangeFacet = facet as keyof typeof ranges;
        asked[rangeFacet] = ranges[rangeFacet].value();
      }
    }
    return { total, facets, ranges: asked };
  }
}

class Extent {
  private min: number | null = null;
  private max: number | null = null;

  add(min: string | number | null | undefined, max: string | number | null | undefined): void {
    if (min !== null && min !== undefined) this.min = Math.min(this.min ?? Infinity, Number(min));
    if (max !== null && max !== undefined) this.max = Math.max(this.max ?? -Infinity, Number(max));
  }

  value(): { min: number; max: number } | null {
    return this.min === null || this.max === null ? null : { min: this.min, max: this.max };
  }
}

function facetList(counts: Map<string, number> | undefined, limit: number): FacetCount[] {
  return [...(counts ?? new Map<string, number>()).entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, limit);
}

/** Marks where the typed words occur in each highlightable field of a result. */
function highlightsOf(row: Record<string, unknown>, words: readonly string[]): Highlight[] {
  if (words.length === 0) return [];
  const highlights: Highlight[] = [];
  for (const [field, column] of Object.entries(HIGHLIGHT_COLUMNS) as Array<[HighlightField, string]>) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    const parts = markWords(String(value), words);
    if (parts.some((part) => part.match)) highlights.push({ field, parts });
  }
  return highlights;
}

function markWords(text: string, words: readonly string[]): Highlight['parts'] {
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      marked.fill(true, at, at + word.length);
    }
  }
  const parts: Highlight['parts'] = [];
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.match === marked[i]) last.text += text[i];
    else parts.push({ text: text[i], match: marked[i] });
  }
  return parts;
}
