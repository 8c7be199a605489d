import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreditApplicationInput,
  CreditApplicationSummary,
  DealStarted,
  DealStructure,
  DealTradeIn,
  ReservationCheckout,
  RetailTerms,
  ShopperDeal,
  StartDealInput,
  TradeInInput,
} from '@showroom/contracts';
import type { Observable } from 'rxjs';
import { DEAL_ACCESS_HEADER } from '../retail/retail-copy';
import { SITE } from '../site/site';
import { RETAIL_API_ORIGIN, withoutTrailingSlash } from './api-origin';

/**
 * The retail service's public API for this site's dealership. The terms are read on the server
 * too (the vehicle page's payment panel, reused on hydration); everything about a shopper's deal
 * goes from the shopper's browser only, to the public edge, proving access with the deal's token
 * in `X-Deal-Access` (never in a URL). Refusals arrive as HttpErrorResponse with a problem+json
 * body; a deal that is not there or not the shopper's answers 404.
 */
@Injectable({ providedIn: 'root' })
export class RetailApi {
  private readonly http = inject(HttpClient);
  private readonly site = inject(SITE);
  private readonly serverOrBrowserOrigin = inject(RETAIL_API_ORIGIN);

  private get publicBase(): string {
    return `${withoutTrailingSlash(this.site.apiOrigin)}/api/retail/public/dealerships/${this.site.dealershipId}`;
  }

  private dealUrl(dealId: string, rest = ''): string {
    return `${this.publicBase}/deals/${encodeURIComponent(dealId)}${rest}`;
  }

  private access(token: string): { headers: HttpHeaders } {
    return { headers: new HttpHeaders({ [DEAL_ACCESS_HEADER]: token }) };
  }

  /** The dealership's rates, fees, taxes and products: all the browser needs to quote a payment. */
  terms(): Observable<RetailTerms> {
    return this.http.get<RetailTerms>(
      `${this.serverOrBrowserOrigin}/api/retail/public/dealerships/${this.site.dealershipId}/terms`,
    );
  }

  /** Opens a deal; the answer's access token is the shopper's key to it (shown once). */
  startDeal(input: StartDealInput): Observable<DealStarted> {
    return this.http.post<DealStarted>(`${this.publicBase}/deals`, input);
  }

  deal(dealId: string, token: string): Observable<ShopperDeal> {
    return this.http.get<ShopperDeal>(this.dealUrl(dealId), { ...this.access(token), transferCache: false });
  }

  changeStructure(dealId: string, token: string, structure: DealStructure): Observable<ShopperDeal> {
    return this.http.put<ShopperDeal>(this.dealUrl(dealId, '/structure'), { structure }, this.access(token));
  }

  submit(dealId: string, token: string): Observable<ShopperDeal> {
    return this.http.post<ShopperDeal>(this.dealUrl(dealId, '/submit'), {}, this.access(token));
  }

  /** Accepts the offer of `version` (the dealer's counter the shopper read). */
  accept(dealId: string, token: string, version: number): Observable<ShopperDeal> {
    return this.http.post<ShopperDeal>(this.dealUrl(dealId, '/accept'), { version }, this.access(token));
  }

  saveTradeIn(dealId: string, token: string, tradeIn: TradeInInput): Observable<DealTradeIn> {
    return this.http.put<DealTradeIn>(this.dealUrl(dealId, '/trade-in'), tradeIn, this.access(token));
  }

  /** Photos of the trade-in, as multipart `photos` (the browser sets the boundary). */
  uploadTradePhotos(dealId: string, token: string, photos: readonly File[]): Observable<DealTradeIn> {
    const form = new FormData();
    for (const photo of photos) form.append('photos', photo, photo.name);
    return this.http.post<DealTradeIn>(this.dealUrl(dealId, '/trade-in/photos'), form, this.access(token));
  }

  /** Sends the credit application; the answer says only that it was received. */
  applyForCredit(
    dealId: string,
    token: string,
    application: CreditApplicationInput,
  ): Observable<CreditApplicationSummary> {
    return this.http.post<CreditApplicationSummary>(
      this.dealUrl(dealId, '/credit-application'),
      application,
      this.access(token),
    );
  }

  /** Starts the deposit: the answer names the payment provider's page the browser goes to. */
  reserve(dealId: string, token: string): Observable<ReservationCheckout> {
    return this.http.post<ReservationCheckout>(this.dealUrl(dealId, '/reservation'), {}, this.access(token));
  }
}
