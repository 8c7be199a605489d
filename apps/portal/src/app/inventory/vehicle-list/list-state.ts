import type { ParamMap, Params } from '@angular/router';
import {
  BODY_STYLES,
  DRIVETRAINS,
  FUEL_TYPES,
  VEHICLE_CONDITIONS,
  VEHICLE_SORTS,
  VEHICLE_STATUSES,
  MAX_SEARCH_TEXT,
  RANGE_FACETS,
  VALUE_FILTERS,
  type BodyStyle,
  type Drivetrain,
  type FuelType,
  type VehicleCondition,
  type VehicleSort,
  type VehicleStatus,
} from '@showroom/contracts';
import type { SearchScope, VehicleSearch } from '../../api/vehicles-api';
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
  drivetrain: Drivetrain[];
  fuelType: FuelType[];
  make: string[];
  model: string[];
  exteriorColor: string[];
  yearMin: number | null;
  yearMax: number | null;
  /** Whole dollars. */
  priceMin: number | null;
  priceMax: number | null;
  mileageMin: number | null;
  mileageMax: number | null;
  q: string | null;
  /** `null` is the service's default: the best match when there is text, else newest on the lot. */
  sort: VehicleSort | null;
  /** Every rooftop of the dealership's group the dealer works at, not only the active one. */
  scope: SearchScope;
}

export const EMPTY_LIST_STATE: InventoryListState = {
  status: [],
  condition: [],
  bodyStyle: [],
  drivetrain: [],
  fuelType: [],
  make: [],
  model: [],
  exteriorColor: [],
  yearMin: null,
  yearMax: null,
  priceMin: null,
  priceMax: null,
  mileageMin: null,
  mileageMax: null,
  q: null,
  sort: null,
  scope: 'rooftop',
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
    drivetrain: read.list('drivetrain', DRIVETRAINS),
    fuelType: read.list('fuelType', FUEL_TYPES),
    make: read.texts('make', 40),
    model: read.texts('model', 60),
    exteriorColor: read.texts('exteriorColor', 40),
    yearMin: read.wholeNumber('yearMin'),
    yearMax: read.wholeNumber('yearMax'),
    priceMin: read.wholeNumber('priceMin'),
    priceMax: read.wholeNumber('priceMax'),
    mileageMin: read.wholeNumber('mileageMin'),
    mileageMax: read.wholeNumber('mileageMax'),
    q: read.text('q', MAX_SEARCH_TEXT),
    // `relevance` is what no sort means with text; one spelling keeps links and the sort field in step.
    sort: read.oneOf(
      'sort',
      VEHICLE_SORTS.filter((sort) => sort !== 'relevance'),
    ),
    scope: read.get('scope') === 'group' ? 'group' : 'rooftop',
    ...read.paging(),
  };
}

/** Only what differs from the defaults goes into the URL; `null` removes a parameter when merged. */
export function listStateToParams(state: InventoryListState): Params {
  return {
    status: listParam(state.status),
    condition: listParam(state.condition),
    bodyStyle: listParam(state.bodyStyle),
    drivetrain: listParam(state.drivetrain),
    fuelType: listParam(state.fuelType),
    make: listParam(state.make),
    model: listParam(state.model),
    exteriorColor: listParam(state.exteriorColor),
    yearMin: paramValue(state.yearMin),
    yearMax: paramValue(state.yearMax),
    priceMin: paramValue(state.priceMin),
    priceMax: paramValue(state.priceMax),
    mileageMin: paramValue(state.mileageMin),
    mileageMax: paramValue(state.mileageMax),
    q: paramValue(state.q),
    sort: paramValue(state.sort),
    scope: state.scope === 'group' ? 'group' : null,
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
    drivetrain: state.drivetrain,
    fuelType: state.fuelType,
    make: state.make,
    model: state.model,
    exteriorColor: state.exteriorColor,
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

export type ListFilters = Omit<InventoryListState, 'page' | 'pageSize' | 'sort' | 'scope'>;

/** A change of filters starts again on page 1: page 7 of the old results means nothing now. */
export function withFilters(state: InventoryListState, change: Partial<ListFilters>): InventoryListState {
  const next = { ...state, ...change, page: 1 };
  // A model belongs to a make: when a make is taken away, its models may be among those picked.
  const makeRemoved = change.make !== undefined && state.make.some((make) => !change.make?.includes(make));
  if (makeRemoved && !('model' in change)) next.model = [];
  return next;
}

export function activeFilterCount(state: InventoryListState): number {
  const lists = VALUE_FILTERS.filter((name) => state[name].length > 0).length;
  const ranges = RANGE_FACETS.filter(
    (facet) => state[`${facet}Min` as const] !== null || state[`${facet}Max` as const] !== null,
  ).length;
  return lists + ranges + (state.q !== null ? 1 : 0);
}

function ordered(min: number | null, max: number | null): [number | null, number | null] {
  return min !== null && max !== null && min > max ? [max, min] : [min, max];
}
