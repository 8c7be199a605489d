import type { ParamMap, Params } from '@angular/router';
import {
  BODY_STYLES,
  VEHICLE_CONDITIONS,
  VEHICLE_SORTS,
  VEHICLE_STATUSES,
  type VehicleCondition,
  type VehicleSort,
  type VehicleStatus,
} from '@showroom/contracts';
import type { BodyStyle, VehicleSearch } from '../../api/vehicles-api';
import { dollarsToCentsOrNull } from '../../core/money';

/**
 * What the inventory list shows, as the dealer sees it (prices in dollars). It lives in the URL's
 * query parameters, so reload, back/forward and a shared link all show the same list.
 */
export interface InventoryListState {
  status: VehicleStatus[];
  condition: VehicleCondition[];
  bodyStyle: BodyStyle[];
  make: string | null;
  model: string | null;
  yearMin: number | null;
  yearMax: number | null;
  /** Whole dollars. */
  priceMin: number | null;
  priceMax: number | null;
  mileageMin: number | null;
  mileageMax: number | null;
  q: string | null;
  sort: VehicleSort | null;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export const EMPTY_LIST_STATE: InventoryListState = {
  status: [],
  condition: [],
  bodyStyle: [],
  make: null,
  model: null,
  yearMin: null,
  yearMax: null,
  priceMin: null,
  priceMax: null,
  mileageMin: null,
  mileageMax: null,
  q: null,
  sort: null,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

/** Reads the URL forgivingly: a hand-edited or outdated value is dropped, never an error page. */
export function listStateFromParams(params: ParamMap): InventoryListState {
  const text = (name: string, max: number) => {
    const value = params.get(name)?.trim();
    return value ? value.slice(0, max) : null;
  };
  const whole = (name: string) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === '') return null;
    const value = Number(raw);
    return Number.isSafeInteger(value) && value >= 0 ? value : null;
  };
  const pageSize = whole('pageSize');
  const sort = params.get('sort');
  return {
    status: listOf(params.get('status'), VEHICLE_STATUSES),
    condition: listOf(params.get('condition'), VEHICLE_CONDITIONS),
    bodyStyle: listOf(params.get('bodyStyle'), BODY_STYLES),
    make: text('make', 40),
    model: text('model', 60),
    yearMin: whole('yearMin'),
    yearMax: whole('yearMax'),
    priceMin: whole('priceMin'),
    priceMax: whole('priceMax'),
    mileageMin: whole('mileageMin'),
    mileageMax: whole('mileageMax'),
    q: text('q', 100),
    sort: isOneOf(sort, VEHICLE_SORTS) ? sort : null,
    page: Math.max(1, whole('page') ?? 1),
    pageSize: isOneOf(pageSize, PAGE_SIZES) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Only what differs from the defaults goes into the URL; `null` removes a parameter when merged. */
export function listStateToParams(state: InventoryListState): Params {
  const params: Params = {};
  const put = (name: keyof InventoryListState, value: string | number | null) => {
    params[name] = value === null || value === '' ? null : String(value);
  };
  put('status', state.status.join(','));
  put('condition', state.condition.join(','));
  put('bodyStyle', state.bodyStyle.join(','));
  put('make', state.make);
  put('model', state.model);
  put('yearMin', state.yearMin);
  put('yearMax', state.yearMax);
  put('priceMin', state.priceMin);
  put('priceMax', state.priceMax);
  put('mileageMin', state.mileageMin);
  put('mileageMax', state.mileageMax);
  put('q', state.q);
  put('sort', state.sort);
  put('page', state.page === 1 ? null : state.page);
  put('pageSize', state.pageSize === DEFAULT_PAGE_SIZE ? null : state.pageSize);
  return params;
}

/** The request for the inventory service: dollars become cents, ranges given backwards are put right. */
export function listStateToSearch(state: InventoryListState): VehicleSearch {
  const [yearMin, yearMax] = ordered(state.yearMin, state.yearMax);
  const [priceMin, priceMax] = ordered(state.priceMin, state.priceMax);
  const [mileageMin, mileageMax] = ordered(state.mileageMin, state.mileageMax);
  return {
    status: state.status,
    condition: state.condition,
    bodyStyle: state.bodyStyle,
    make: state.make,
    model: state.model,
    yearMin,
    yearMax,
    priceMinCents: dollarsToCentsOrNull(priceMin),
    priceMaxCents: dollarsToCentsOrNull(priceMax),
    mileageMin,
    mileageMax,
    q: state.q,
    sort: state.sort,
    page: state.page,
    pageSize: state.pageSize,
  };
}

export type ListFilters = Omit<InventoryListState, 'page' | 'pageSize' | 'sort'>;

/** A change of filters starts again on page 1: page 7 of the old results means nothing now. */
export function withFilters(state: InventoryListState, change: Partial<ListFilters>): InventoryListState {
  const next = { ...state, ...change, page: 1 };
  // A model belongs to a make: picking another make drops the model.
  if ('make' in change && change.make !== state.make && !('model' in change)) next.model = null;
  return next;
}

export function activeFilterCount(state: InventoryListState): number {
  const lists = [state.status, state.condition, state.bodyStyle].filter((list) => list.length > 0).length;
  const ranges = [
    [state.yearMin, state.yearMax],
    [state.priceMin, state.priceMax],
    [state.mileageMin, state.mileageMax],
  ].filter(([min, max]) => min !== null || max !== null).length;
  const singles = [state.make, state.model, state.q].filter((value) => value !== null).length;
  return lists + ranges + singles;
}

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const values = raw.split(',').map((part) => part.trim());
  return allowed.filter((value) => values.includes(value));
}

function isOneOf<T extends string | number>(value: unknown, allowed: readonly T[]): value is T {
  return (allowed as readonly unknown[]).includes(value);
}

function ordered(min: number | null, max: number | null): [number | null, number | null] {
  return min !== null && max !== null && min > max ? [max, min] : [min, max];
}
