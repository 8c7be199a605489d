import { scrubSearchText, type PublicVehicleParams } from '@showroom/contracts';

/** What a search event says of a results page: the typed text and the filters, not the sort or page. */
export interface SearchDescription {
  query?: string;
  filters: Record<string, string>;
}

/** The contract's bounds (ShopperEventInputSchema): text ≤ 100, a filter value ≤ 80. */
const MAX_QUERY = 100;
const MAX_VALUE = 80;

const LIST_FILTERS = [
  'condition',
  'bodyStyle',
  'drivetrain',
  'fuelType',
  'make',
  'model',
  'exteriorColor',
] as const;
/** A range is one filter ("price: 10000–30000"): a search reads as the shopper set it, and stays within 12 filters. */
const RANGES = [
  ['year', 'yearMin', 'yearMax'],
  ['price', 'priceMin', 'priceMax'],
  ['mileage', 'mileageMin', 'mileageMax'],
] as const;

/**
 * A results page's search as the tracker sends it. A page of the same search, or another sort of
 * it, describes the same search (the caller compares `keyOf` to count it once).
 */
export function searchDescriptionOf(params: PublicVehicleParams): SearchDescription {
  const filters: Record<string, string> = {};
  for (const name of LIST_FILTERS) {
    const value = params[name];
    if (value !== undefined && value !== '') filters[name] = clean(String(value), MAX_VALUE);
  }
  for (const [name, min, max] of RANGES) {
    const from = params[min];
    const to = params[max];
    if (from === undefined && to === undefined) continue;
    filters[name] = `${from ?? ''}–${to ?? ''}`;
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

function clean(text: string, max: number): string {
  return scrubSearchText(text).slice(0, max).trim();
}
