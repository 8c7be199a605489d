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
import {
  DEFAULT_PAGE_SIZE,
  listParam,
  type Paging,
  pagingParams,
  paramValue,
  UrlParamReader,
  type UrlStateCodec,
} from '../../shared/list-url-state';

/**
 * What the inventory list shows, as the dealer sees it (prices in dollars). It lives in the URL's
 * query parameters, so reload, back/forward and a shared link all show the same list.
 */
export interface InventoryListState extends Paging {
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
}

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
  const read = new UrlParamReader(params);
  return {
    status: read.list('status', VEHICLE_STATUSES),
    condition: read.list('condition', VEHICLE_CONDITIONS),
    bodyStyle: read.list('bodyStyle', BODY_STYLES),
    make: read.text('make', 40),
    model: read.text('model', 60),
    yearMin: read.wholeNumber('yearMin'),
    yearMax: read.wholeNumber('yearMax'),
    priceMin: read.wholeNumber('priceMin'),
    priceMax: read.wholeNumber('priceMax'),
    mileageMin: read.wholeNumber('mileageMin'),
    mileageMax: read.wholeNumber('mileageMax'),
    q: read.text('q', 100),
    sort: read.oneOf('sort', VEHICLE_SORTS),
    ...read.paging(),
  };
}

/** Only what differs from the defaults goes into the URL; `null` removes a parameter when merged. */
export function listStateToParams(state: InventoryListState): Params {
  return {
    status: listParam(state.status),
    condition: listParam(state.condition),
    bodyStyle: listParam(state.bodyStyle),
    make: paramValue(state.make),
    model: paramValue(state.model),
    yearMin: paramValue(state.yearMin),
    yearMax: paramValue(state.yearMax),
    priceMin: paramValue(state.priceMin),
    priceMax: paramValue(state.priceMax),
    mileageMin: paramValue(state.mileageMin),
    mileageMax: paramValue(state.mileageMax),
    q: paramValue(state.q),
    sort: paramValue(state.sort),
    ...pagingParams(state),
  };
}

export const INVENTORY_LIST_URL: UrlStateCodec<InventoryListState> = {
  empty: EMPTY_LIST_STATE,
  fromParams: listStateFromParams,
  toParams: listStateToParams,
};

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

function ordered(min: number | null, max: number | null): [number | null, number | null] {
  return min !== null && max !== null && min > max ? [max, min] : [min, max];
}
