import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreditApplicationInput,
  CreditApplicationSummary,
  DealStarted,
  DealStructure,
  DealTradeIn,
  ReservationCheckout,
  ShopperDeal,
  StartDealInput,
  TradeInInput,
} from '@showroom/contracts';
import type { Observable } from 'rxjs';
import { DEAL_ACCESS_HEADER } from '../retail/retail-copy';
import { SITE } from '../site/site';
import { withoutTrailingSlash } from './api-origin';

/**
 * The retail service's public deal API for this site's dealership (the terms: RetailTermsApi).
 * Everything about a shopper's deal goes from the shopper's browser only, to the public edge,
 * proving access with the deal's token in `X-Deal-Access` (never in a URL). Refusals arrive as HttpErrorResponse with a problem+json
 * body; a deal that is not there or not the shopper's answers 404.
 */
@Injectable({ providedIn: 'root' })
export class RetailApi {
  private readonly http = inject(HttpClient);
  private readonly site = inject(SITE);

  private get publicBase(): string {
    return `${withoutTrailingSlash(this.site.apiOrigin)}/api/retail/public/dealerships/${this.site.dealershipId}`;
  }

  private dealUrl(dealId: string, rest = ''): string {
    return `${this.publicBase}/deals/${encodeURIComponent(dealId)}${rest}`;
  }

  private access(token: string): { headers: HttpHeaders } {
    return { headers: new HttpHeaders({ [DEAL_ACCESS_HEADER]: token }) };
  }

  /**
   * Opens a deal; the answer's access token is the shopper's key to it (shown once). Keep one
   * `idempotencyKey` per filled-in form, so a retry after a lost answer does not open a second deal.
   */
  startDeal(input: StartDealInput, idempotencyKey: string): Observable<DealStarted> {
    return this.http.post<DealStarted>(`${this.publicBase}/deals`, input, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
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
