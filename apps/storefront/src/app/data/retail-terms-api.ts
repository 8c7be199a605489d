import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { RetailTerms } from '@showroom/contracts';
import type { Observable } from 'rxjs';
import { SITE } from '../site/site';
import { RETAIL_API_ORIGIN } from './api-origin';

/**
 * The dealership's retail terms (rates, fees, taxes, products): all the browser needs to quote a
 * payment. Read on the server with a car's page (RETAIL_API_URL) and reused on hydration; apart from
 * the shopper's deal calls (RetailApi), so a car's first JavaScript carries only this.
 */
@Injectable({ providedIn: 'root' })
export class RetailTermsApi {
  private readonly http = inject(HttpClient);
  private readonly site = inject(SITE);
  private readonly origin = inject(RETAIL_API_ORIGIN);

  terms(): Observable<RetailTerms> {
    return this.http.get<RetailTerms>(
      `${this.origin}/api/retail/public/dealerships/${this.site.dealershipId}/terms`,
    );
  }
}
