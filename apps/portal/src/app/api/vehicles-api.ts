import { HttpClient, HttpHeaders, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BodyStyle,
  Drivetrain,
  FuelType,
  SearchFacet,
  StockNumberSuggestion,
  Vehicle,
  VehicleCondition,
  VehicleInput,
  VehicleList,
  VehicleSort,
  VehicleStatus,
  VehicleUpdate,
  VinDecodingResponse,
} from '@showroom/contracts';
import { map, Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';

export type { BodyStyle } from '@showroom/contracts';

/** A search as the portal builds it; money in cents, lists as arrays (sent comma-separated). */
export interface VehicleSearch {
  status?: readonly VehicleStatus[];
  condition?: readonly VehicleCondition[];
  bodyStyle?: readonly BodyStyle[];
  drivetrain?: readonly Drivetrain[];
  fuelType?: readonly FuelType[];
  make?: readonly string[];
  model?: readonly string[];
  exteriorColor?: readonly string[];
  yearMin?: number | null;
  yearMax?: number | null;
  priceMinCents?: number | null;
  priceMaxCents?: number | null;
  mileageMin?: number | null;
  mileageMax?: number | null;
  q?: string | null;
  sort?: VehicleSort | null;
  /** Which facets to count; the service counts them all when absent. */
  facets?: readonly SearchFacet[];
  page?: number;
  pageSize?: number;
}

/** Where a search looks: the active dealership, or every rooftop of its group the dealer works at. */
export type SearchScope = 'rooftop' | 'group';

/** A page of search results, and whether the search engine was down and the database answered. */
export interface VehicleSearchPage extends VehicleList {
  answeredByFallback: boolean;
}

/** The inventory service names a search answered without its engine with this header. */
export const SEARCH_FALLBACK_HEADER = 'Search-Fallback';

/** A vehicle with the ETag it was read at; edits send it back as If-Match. */
export interface VersionedVehicle {
  vehicle: Vehicle;
  etag: string;
}

const BASE = '/api/inventory';

/** The inventory service's vehicles resource. The dealership header is added by the interceptor. */
@Injectable({ providedIn: 'root' })
export class VehiclesApi {
  private readonly http = inject(HttpClient);

  /** A group search answers with the vehicles of each rooftop, each naming its rooftop. */
  list(search: VehicleSearch, scope: SearchScope = 'rooftop'): Observable<VehicleSearchPage> {
    const url = scope === 'group' ? `${BASE}/group/vehicles` : `${BASE}/vehicles`;
    return this.http.get<VehicleList>(url, { params: searchParams(search), observe: 'response' }).pipe(
      map((response) => {
        if (!response.body) throw new Error('the inventory service answered a search without a body');
        return { ...response.body, answeredByFallback: response.headers.has(SEARCH_FALLBACK_HEADER) };
      }),
    );
  }

  get(id: string): Observable<VersionedVehicle> {
    return this.http
      .get<Vehicle>(`${BASE}/vehicles/${encodeURIComponent(id)}`, { observe: 'response' })
      .pipe(map(versioned));
  }

  create(input: VehicleInput): Observable<VersionedVehicle> {
    return this.http.post<Vehicle>(`${BASE}/vehicles`, input, { observe: 'response' }).pipe(map(versioned));
  }

  /** Answers 412 when someone else changed the vehicle since `etag` was read. */
  update(id: string, etag: string, update: VehicleUpdate): Observable<VersionedVehicle> {
    return this.http
      .patch<Vehicle>(`${BASE}/vehicles/${encodeURIComponent(id)}`, update, {
        observe: 'response',
        headers: ifMatch(etag),
      })
      .pipe(map(versioned));
  }

  remove(id: string, etag: string): Observable<void> {
    return this.http
      .delete(`${BASE}/vehicles/${encodeURIComponent(id)}`, { headers: ifMatch(etag) })
      .pipe(map(() => undefined));
  }

  nextStockNumber(condition: VehicleCondition): Observable<string> {
    return this.http
      .get<StockNumberSuggestion>(`${BASE}/vehicles/next-stock-number`, { params: { condition } })
      .pipe(map((suggestion) => suggestion.stockNumber));
  }

  /** Answers 200 for invalid VINs too: `valid: false` with the `problem`. */
  decodeVin(vin: string): Observable<VinDecodingResponse> {
    return this.http.get<VinDecodingResponse>(`${BASE}/vin/${encodeURIComponent(vin)}`);
  }
}

/** The inventory service's names: money filters are `priceMin`/`priceMax`, in cents. */
export function searchParams(search: VehicleSearch): HttpParams {
  return queryParams({
    status: search.status,
    condition: search.condition,
    bodyStyle: search.bodyStyle,
    drivetrain: search.drivetrain,
    fuelType: search.fuelType,
    make: trimmed(search.make),
    model: trimmed(search.model),
    exteriorColor: trimmed(search.exteriorColor),
    yearMin: search.yearMin,
    yearMax: search.yearMax,
    priceMin: search.priceMinCents,
    priceMax: search.priceMaxCents,
    mileageMin: search.mileageMin,
    mileageMax: search.mileageMax,
    q: search.q?.trim(),
    sort: search.sort,
    facets: search.facets,
    page: search.page,
    pageSize: search.pageSize,
  });
}

/** Free-text facet values as the dealer picked them; blanks dropped (a blank is no filter). */
function trimmed(values: readonly string[] | undefined): string[] | undefined {
  return values?.map((value) => value.trim()).filter(Boolean);
}

function ifMatch(etag: string): HttpHeaders {
  return etag ? new HttpHeaders({ 'If-Match': etag }) : new HttpHeaders();
}

function versioned(response: HttpResponse<Vehicle>): VersionedVehicle {
  const vehicle = response.body;
  if (!vehicle) throw new Error('the inventory service answered without a vehicle');
  // No made-up version when the header is missing: the edit then goes without If-Match and the
  // service refuses it (428) instead of us overwriting someone else's change.
  return { vehicle, etag: response.headers.get('ETag') ?? '' };
}
