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

/** Only what is set goes on the query string, so URLs stay short and the server applies its defaults. */
export function searchParams(search: VehicleSearch): HttpParams {
  let params = new HttpParams();
  const set = (name: string, value: string | number | null | undefined) => {
    if (value === null || value === undefined || value === '') return;
    params = params.set(name, String(value));
  };
  const setList = (name: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) params = params.set(name, values.join(','));
  };
  setList('status', search.status);
  setList('condition', search.condition);
  setList('bodyStyle', search.bodyStyle);
  set('make', search.make?.trim());
  set('model', search.model?.trim());
  set('yearMin', search.yearMin);
  set('yearMax', search.yearMax);
  set('priceMin', search.priceMinCents);
  set('priceMax', search.priceMaxCents);
  set('mileageMin', search.mileageMin);
  set('mileageMax', search.mileageMax);
  set('q', search.q?.trim());
  set('sort', search.sort);
  set('page', search.page);
  set('pageSize', search.pageSize);
  return params;
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
