import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PublicVehicle,
  PublicVehicleDetail,
  PublicVehicleList,
  PublicVehicleParams,
} from '@showroom/contracts';
import { map, type Observable } from 'rxjs';
import { SITE } from '../site/site';
import { INVENTORY_API_ORIGIN } from './api-origin';
import { urlParamsOf } from './search-url';

/** The inventory service's public (website) API for this site's dealership. */
@Injectable({ providedIn: 'root' })
export class InventoryApi {
  private readonly http = inject(HttpClient);
  private readonly site = inject(SITE);
  private readonly origin = inject(INVENTORY_API_ORIGIN);

  private get base(): string {
    return `${this.origin}/api/inventory/public/dealerships/${this.site.dealershipId}/vehicles`;
  }

  /** A page of the dealership's published, available cars. Parameters go out in canonical order. */
  search(query: PublicVehicleParams): Observable<PublicVehicleList> {
    let params = new HttpParams({ fromObject: urlParamsOf(query) });
    if (query.facets) params = params.set('facets', query.facets);
    return this.http.get<PublicVehicleList>(this.base, { params });
  }

  /** One car for its page; a car sold or unpublished fails with HttpErrorResponse status 404. */
  vehicle(vehicleId: string): Observable<PublicVehicleDetail> {
    return this.http.get<PublicVehicleDetail>(`${this.base}/${encodeURIComponent(vehicleId)}`);
  }

  /** Other cars of the same make (the car itself left out), for "similar vehicles". */
  similar(vehicle: PublicVehicleDetail, limit = 4): Observable<PublicVehicle[]> {
    return this.search({ make: vehicle.make, pageSize: limit + 1, facets: 'make' }).pipe(
      map((list) => list.items.filter((item) => item.id !== vehicle.id).slice(0, limit)),
    );
  }
}
