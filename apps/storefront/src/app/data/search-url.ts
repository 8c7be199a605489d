import type { Params } from '@angular/router';
import {
  BODY_STYLES,
  DRIVETRAINS,
  FUEL_TYPES,
  VEHICLE_CONDITIONS,
  VEHICLE_SORTS,
  type PublicVehicleParams,
} from '@showroom/contracts';

/** The page size the API uses when none is given: left out of URLs. */
export const DEFAULT_PAGE_SIZE = 25;

const vocabularies = {
  condition: VEHICLE_CONDITIONS,
  bodyStyle: BODY_STYLES,
  drivetrain: DRIVETRAINS,
  fuelType: FUEL_TYPES,
} as const;
const freeTextLists = ['make', 'model', 'exteriorColor'] as const;
const bounds = ['yearMin', 'yearMax', 'priceMin', 'priceMax', 'mileageMin', 'mileageMax'] as const;

type UrlKey = Exclude<keyof PublicVehicleParams, 'facets'>;
/** The order of a results URL's parameters: one search, one URL (canonical links, caches). */
const URL_ORDER = [
  'q',
  'condition',
  'bodyStyle',
  'drivetrain',
  'fuelType',
  'make',
  'model',
  'exteriorColor',
  ...bounds,
  'sort',
  'page',
  'pageSize',
] as const satisfies readonly UrlKey[];

const text = (value: unknown): string | undefined => {
  const raw = Array.isArray(value) ? value.join(',') : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const trimmed = String(raw).replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
};

/** A comma-separated list: trimmed, without repeats, sorted (Toyota,Honda and Honda,Toyota are one search). */
const list = (value: unknown, allowed?: readonly string[]): string | undefined => {
  const items = [
    ...new Set(
      (text(value) ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '' && (!allowed || allowed.includes(item))),
    ),
  ].sort((a, b) => a.localeCompare(b, 'en'));
  return items.length ? items.join(',') : undefined;
};

const whole = (value: unknown, min = 0): number | undefined => {
  const raw = text(value);
  if (raw === undefined || !/^\d{1,10}$/.test(raw)) return undefined;
  const number = Number(raw);
  return number >= min ? number : undefined;
};

/**
 * What a results URL asks for, from its query parameters. Whatever the API would refuse (an unknown
 * body style, a sort that does not exist, a page "two") is dropped: a hand-edited or stale link
 * still shows cars.
 */
export function searchParamsFromUrl(params: Params): PublicVehicleParams {
  const query: Record<string, string | number> = {};
  const q = text(params['q']);
  if (q) query['q'] = q;
  for (const [key, allowed] of Object.entries(vocabularies)) {
    const value = list(params[key], allowed);
    if (value) query[key] = value;
  }
  for (const key of freeTextLists) {
    const value = list(params[key]);
    if (value) query[key] = value;
  }
  for (const key of bounds) {
    const value = whole(params[key]);
    if (value !== undefined) query[key] = value;
  }
  const sort = text(params['sort']);
  if (sort && (VEHICLE_SORTS as readonly string[]).includes(sort)) query['sort'] = sort;
  const page = whole(params['page'], 1);
  if (page !== undefined && page > 1) query['page'] = page;
  const pageSize = whole(params['pageSize'], 1);
  if (pageSize !== undefined && pageSize !== DEFAULT_PAGE_SIZE) query['pageSize'] = pageSize;
  return query as PublicVehicleParams;
}

/**
 * The query parameters of a results URL for `query`, in one fixed order, lists sorted, defaults
 * (page 1, 25 a page) left out. Use it for router links and the canonical URL alike.
 */
export function urlParamsOf(query: PublicVehicleParams): Params {
  const normal = searchParamsFromUrl(query as Params) as Record<string, unknown>;
  const params: Params = {};
  for (const key of URL_ORDER) {
    const value = normal[key];
    if (value !== undefined) params[key] = String(value);
  }
  return params;
}

/** Encoded as Angular's router encodes a query (`,` `:` `@` `$` `;` kept), so both write one URL. */
const encodeQuery = (text: string) =>
  encodeURIComponent(text)
    .replace(/%40/g, '@')
    .replace(/%3A/gi, ':')
    .replace(/%24/g, '$')
    .replace(/%2C/gi, ',')
    .replace(/%3B/gi, ';');

/** `?a=1&b=2` for `params` in their order ('' when empty): for canonical URLs and the sitemap. */
export function queryStringOf(params: Params): string {
  const pairs = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeQuery(key)}=${encodeQuery(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}
