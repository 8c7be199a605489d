import { HttpClient, HttpHeaders, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BODY_STYLES,
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

export type BodyStyle = (typeof BODY_STYLES)[number];

/** A search as the portal builds it; money in cents, lists as arrays (sent comma-separated). */
export interface VehicleSearch {
  status?: readonly VehicleStatus[];
  condition?: readonly VehicleCondition[];
  bodyStyle?: readonly BodyStyle[];
  make?: string | null;
  model?: string | null;
  yearMin?: number | null;
  yearMax?: number | null;
  priceMinCents?: number | null;
  priceMaxCents?: number | null;
  mileageMin?: number | null;
  mileageMax?: number | null;
  q?: string | null;
  sort?: VehicleSort | null;
  page?: number;
  pageSize?: number;
}

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

  list(search: VehicleSearch): Observable<VehicleList> {
    return this.http.get<VehicleList>(`${BASE}/vehicles`, { params: searchParams(search) });
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
    make: search.make?.trim(),
    model: search.model?.trim(),
    yearMin: search.yearMin,
    yearMax: search.yearMax,
    priceMin: search.priceMinCents,
    priceMax: search.priceMaxCents,
    mileageMin: search.mileageMin,
    mileageMax: search.mileageMax,
    q: search.q?.trim(),
    sort: search.sort,
    page: search.page,
    pageSize: search.pageSize,
  });
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
