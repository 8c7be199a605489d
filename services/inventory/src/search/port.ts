import { VEHICLE_SORTS } from '@showroom/contracts';
import type {
  BodyStyle,
  Drivetrain,
  FacetCount,
  FuelType,
  Highlight,
  RangeFacet,
  SearchFacet,
  ValueFacet,
  VehicleCondition,
  VehicleSort,
  VehicleStatus,
} from '@showroom/contracts';

/**
 * What a search engine holds of a vehicle: the searchable and filterable fields, nothing private
 * (no cost, no notes, no description). Results are hydrated from MySQL by id afterwards, so an
 * engine never needs more than this.
 */
export interface SearchDocument {
  id: string;
  dealershipId: string;
  /** The dealer group of the rooftop, when it belongs to one. */
  groupId: string | null;
  vin: string;
  stockNumber: string;
  condition: VehicleCondition;
  status: VehicleStatus;
  published: boolean;
  year: number;
  make: string;
  model: string;
  trim: string | null;
  bodyStyle: BodyStyle | null;
  drivetrain: Drivetrain | null;
  fuelType: FuelType | null;
  exteriorColor: string | null;
  mileage: number;
  priceCents: number | null;
  /** When the vehicle came on the lot, in epoch milliseconds ("newest", "days in stock"). */
  listedAt: number;
}

/** Names one vehicle of one dealership. */
export interface VehicleRef {
  dealershipId: string;
  id: string;
}

/** Filters of a search, already validated; every present filter must hold (values OR-ed within one). */
export interface SearchFilters {
  status?: VehicleStatus[];
  published?: boolean;
  condition?: VehicleCondition[];
  bodyStyle?: BodyStyle[];
  drivetrain?: Drivetrain[];
  fuelType?: FuelType[];
  /** Compared without regard to case. */
  make?: string[];
  model?: string[];
  exteriorColor?: string[];
  yearMin?: number;
  yearMax?: number;
  priceMin?: number;
  priceMax?: number;
  mileageMin?: number;
  mileageMax?: number;
}

export interface SearchRequest {
  /** Never empty: the rooftops searched (one, or a group's). An engine returns nothing else. */
  dealershipIds: readonly string[];
  /** The words left after the shopper's price/mileage phrases were taken out; undefined for none. */
  text?: string;
  filters: SearchFilters;
  /** `relevance` with text; without text engines treat it as `daysInStock` (newest first). */
  sort: VehicleSort;
  page: number;
  pageSize: number;
  facets: readonly SearchFacet[];
}

/** How many values of each facet a result lists, the most frequent first (make and model lists are long). */
export const FACET_VALUE_LIMITS: Readonly<Record<ValueFacet, number>> = {
  make: 50,
  model: 50,
  bodyStyle: 20,
  condition: 20,
  drivetrain: 20,
  fuelType: 20,
  exteriorColor: 20,
};

/** The sorts that order by a field; `relevance` orders by the text match. */
export type FieldSort = Exclude<VehicleSort, 'relevance'>;
export const FIELD_SORTS = VEHICLE_SORTS.filter((sort): sort is FieldSort => sort !== 'relevance');

export interface SearchHit extends VehicleRef {
  highlights: Highlight[];
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Partial<Record<ValueFacet, FacetCount[]>>;
  ranges: Partial<Record<RangeFacet, { min: number; max: number } | null>>;
}

/** Thrown when an engine cannot answer now (down, cold, timed out): the caller falls back to MySQL. */
export class SearchEngineUnavailable extends Error {
  constructor(
    readonly engine: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${engine} search is unavailable: ${reason}`, options);
    this.name = 'SearchEngineUnavailable';
  }
}

/** The read side every engine answers, and the MySQL fallback too. */
export interface VehicleSearchEngine {
  readonly name: string;
  search(request: SearchRequest): Promise<SearchResult>;
}

/** The write side: engines are told the current state of vehicles; both calls are idempotent. */
export interface VehicleSearchIndex {
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  remove(refs: readonly VehicleRef[]): Promise<void>;
}

/** Synonyms as Algolia spells them, so one data file feeds both engines. */
export type SynonymRule =
  | { objectID: string; type: 'synonym'; synonyms: string[] }
  | { objectID: string; type: 'oneWaySynonym'; input: string; synonyms: string[] };
