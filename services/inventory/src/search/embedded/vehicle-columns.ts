import { VALUE_FACETS, type RangeFacet, type ValueFacet } from '@showroom/contracts';
import type { SearchDocument, SearchFilters } from '../port';
import { FacetColumn, type FacetTally } from './facet-column';
import { NumberColumn } from './number-column';
import { SlotSet } from './slot-set';

/** The filters that keep vehicles holding one of several values, and the column each one reads. */
const VALUE_FILTERS = ['status', ...VALUE_FACETS] as const;
type ValueFilter = (typeof VALUE_FILTERS)[number];

export type Ranges = Record<RangeFacet, { min: number; max: number } | null>;

/** What one pass over the matching slots finds. */
export interface Tally {
  total: number;
  facets: Partial<Record<ValueFacet, FacetTally[]>>;
  ranges: Ranges;
}

/**
 * A dealership's filterable fields by slot, in columns: a bit set per value (status, every value
 * facet) and of the published vehicles, so value filters are unions and intersections of bit sets,
 * and typed arrays of the numbers, so ranges, facet counts and min/max are found in one tight pass
 * over the matching slots — no per-vehicle closures and nothing allocated per vehicle.
 */
export class VehicleColumns {
  /** The slots holding a vehicle now. */
  readonly live = new SlotSet();
  private readonly published = new SlotSet();
  private readonly valueColumns = Object.fromEntries(
    VALUE_FILTERS.map((field) => [field, new FacetColumn()]),
  ) as Record<ValueFilter, FacetColumn>;
  private readonly year = new NumberColumn();
  private readonly price = new NumberColumn();
  private readonly mileage = new NumberColumn();
  /** Reused by every search (searches are synchronous): one filter's values, and the pass's columns. */
  private readonly anyOf = new SlotSet();
  private readonly countedIds: Int32Array[] = [];
  private readonly counters: Int32Array[] = [];

  set(slot: number, document: SearchDocument): void {
    this.live.add(slot);
    if (document.published) this.published.add(slot);
    else this.published.delete(slot);
    for (const field of VALUE_FILTERS) this.valueColumns[field].set(slot, document[field]);
    this.year.set(slot, document.year);
    this.price.set(slot, document.priceCents);
    this.mileage.set(slot, document.mileage);
  }

  clear(slot: number): void {
    this.live.delete(slot);
    this.published.delete(slot);
    for (const field of VALUE_FILTERS) this.valueColumns[field].clear(slot);
  }

  /** Narrows `matched` to the live slots passing every value filter (ranges are left to `tally`). */
  applyValueFilters(matched: SlotSet, filters: SearchFilters, capacity: number): void {
    matched.intersectWith(this.live);
    if (filters.published === true) matched.intersectWith(this.published);
    else if (filters.published === false) matched.subtract(this.published);
    for (const field of VALUE_FILTERS) {
      const values = filters[field];
      if (!values) continue;
      this.anyOf.reset(capacity);
      this.valueColumns[field].addSlotsWithAny(values, this.anyOf);
      matched.intersectWith(this.anyOf);
    }
  }

  /**
   * One pass over `matched`: drops the slots outside the numeric filters (so `matched` is then exactly
   * the result) and counts the rest, their facet values and their year, price and mileage ranges.
   */
  tally(matched: SlotSet, filters: SearchFilters, facets: readonly ValueFacet[]): Tally {
    const years = this.year.values;
    const prices = this.price.values;
    const miles = this.mileage.values;
    const yearBounded = filters.yearMin !== undefined || filters.yearMax !== undefined;
    const priceBounded = filters.priceMin !== undefined || filters.priceMax !== undefined;
    const milesBounded = filters.mileageMin !== undefined || filters.mileageMax !== undefined;
    const yearMin = filters.yearMin ?? -Infinity;
    const yearMax = filters.yearMax ?? Infinity;
    const priceMin = filters.priceMin ?? -Infinity;
    const priceMax = filters.priceMax ?? Infinity;
    const milesMin = filters.mileageMin ?? -Infinity;
    const milesMax = filters.mileageMax ?? Infinity;

    const facetCount = facets.length;
    for (let f = 0; f < facetCount; f++) {
      const column = this.valueColumns[facets[f] as ValueFacet];
      this.countedIds[f] = column.ids;
      this.counters[f] = column.startCounting();
    }
    const countedIds = this.countedIds;
    const counters = this.counters;

    let total = 0;
    let lowYear = Infinity;
    let highYear = -Infinity;
    let lowPrice = Infinity;
    let highPrice = -Infinity;
    let lowMiles = Infinity;
    let highMiles = -Infinity;
    const words = matched.words;
    for (let w = 0; w < words.length; w++) {
      let word = words[w] as number;
      let kept = word;
      while (word !== 0) {
        const lowest = word & -word;
        word ^= lowest;
        const slot = (w << 5) + 31 - Math.clz32(lowest);
        const year = years[slot] as number;
        const price = prices[slot] as number;
        const mileage = miles[slot] as number;
        // Written so NaN (no price) fails: a bounded price never keeps a car without one.
        if (
          (yearBounded && !(year >= yearMin && year <= yearMax)) ||
          (priceBounded && !(price >= priceMin && price <= priceMax)) ||
          (milesBounded && !(mileage >= milesMin && mileage <= milesMax))
        ) {
          kept ^= lowest;
          continue;
        }
        total++;
        for (let f = 0; f < facetCount; f++) {
          const counter = counters[f] as Int32Array;
          const id = (countedIds[f] as Int32Array)[slot] as number;
          counter[id] = (counter[id] as number) + 1;
        }
        if (year < lowYear) lowYear = year;
        if (year > highYear) highYear = year;
        if (mileage < lowMiles) lowMiles = mileage;
        if (mileage > highMiles) highMiles = mileage;
        if (price < lowPrice) lowPrice = price;
        if (price > highPrice) highPrice = price;
      }
      words[w] = kept;
    }

    const counted: Tally['facets'] = {};
    for (const facet of facets) counted[facet] = this.valueColumns[facet].tallies();
    return {
      total,
      facets: counted,
      ranges: {
        year: total > 0 ? { min: lowYear, max: highYear } : null,
        price: lowPrice <= highPrice ? { min: lowPrice, max: highPrice } : null,
        mileage: total > 0 ? { min: lowMiles, max: highMiles } : null,
      },
    };
  }
}
