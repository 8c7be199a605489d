import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { WebsiteLeadInput, WebsiteLeadReceipt } from '@showroom/contracts';
import type { Observable } from 'rxjs';
import { SITE } from '../site/site';
import { withoutTrailingSlash } from './api-origin';

/** The leads service's public website form: posted from the shopper's browser (CORS, site origins). */
@Injectable({ providedIn: 'root' })
export class LeadsApi {
  private readonly http = inject(HttpClient);
  private readonly site = inject(SITE);

  /**
   * Sends a form. Keep one `idempotencyKey` per filled-in form (a retry after a network error
   * must not make a second lead). Refusals arrive as HttpErrorResponse with a problem+json body
   * (`invalidParams` names each bad field; 429 carries Retry-After).
   */
  submit(input: WebsiteLeadInput, idempotencyKey: string): Observable<WebsiteLeadReceipt> {
    const url = `${withoutTrailingSlash(this.site.apiOrigin)}/api/leads/public/dealerships/${this.site.dealershipId}/leads`;
    return this.http.post<WebsiteLeadReceipt>(url, input, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }
}
