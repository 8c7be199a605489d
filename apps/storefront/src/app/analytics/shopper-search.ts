import {
  RANGE_FACETS,
  VALUE_FACETS,
  scrubSearchText,
  searchRangeValue,
  type PublicVehicleParams,
  type RangeFacet,
} from '@showroom/contracts';

/** What a search event says of a results page: the typed text and the filters, not the sort or page. */
export interface SearchDescription {
  query?: string;
  filters: Record<string, string>;
}

/** The contract's bounds (ShopperEventInputSchema): text ≤ 100, a filter value ≤ 80. */
const MAX_QUERY = 100;
const MAX_VALUE = 80;

/**
 * A range's figures as a dealer reads them: the search takes prices in cents, the dashboard shows
 * whole dollars ("price: 25000–100000", not 2500000–10000000).
 */
const SHOWN_AS: Record<RangeFacet, (bound: number) => number> = {
  year: (year) => year,
  price: (cents) => Math.round(cents / 100),
  mileage: (miles) => miles,
};

/**
 * A results page's search as the tracker sends it. Its filters are the public search's own (the
 * contracts' value and range facets), so a filter added to the search is described here too. A
 * range is one filter ("price: 10000–30000"): a search reads as the shopper set it, and stays
 * within 12 filters. A page of the same search, or another sort of it, describes the same search
 * (the caller compares `keyOf` to count it once).
 */
export function searchDescriptionOf(params: PublicVehicleParams): SearchDescription {
  const filters: Record<string, string> = {};
  for (const name of VALUE_FACETS) {
    const value = params[name];
    if (value !== undefined && value !== '') filters[name] = clean(String(value), MAX_VALUE);
  }
  for (const name of RANGE_FACETS) {
    const [from, to] = [params[`${name}Min`], params[`${name}Max`]]
      .map(wholeNumberOf)
      .map((bound) => (bound === undefined ? undefined : SHOWN_AS[name](bound)));
    if (from === undefined && to === undefined) continue;
    // Figures the page set itself, not typed text: the collection route keeps them as they are.
    filters[name] = searchRangeValue(from, to);
  }
  const query = clean(params.q ?? '', MAX_QUERY);
  return {
    ...(query ? { query } : {}),
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
  };
}

/** One key per search, so a page turn or a re-sort is not counted as a new search. */
export function keyOf(search: SearchDescription): string {
  return JSON.stringify([search.query ?? '', Object.entries(search.filters).sort()]);
}

/** A bound as the search has it (a number, or its digits from a URL); nothing else is a figure. */
function wholeNumberOf(bound: unknown): number | undefined {
  if (typeof bound === 'number') return Number.isSafeInteger(bound) && bound >= 0 ? bound : undefined;
  return typeof bound === 'string' && /^\d{1,10}$/.test(bound) ? Number(bound) : undefined;
}

function clean(text: string, max: number): string {
  return scrubSearchText(text).slice(0, max).trim();
}
