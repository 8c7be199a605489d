import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AppraisalInput,
  CounterOfferInput,
  CreditApplicationView,
  DealDesk,
  DealList,
  DealStatus,
  DealTradeIn,
  Reservation,
} from '@showroom/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../shared/query-params';
import { ifMatchOf } from './website-api';

const BASE = '/api/retail/deals';

export interface DealListQuery {
  status: DealStatus | null;
  cursor: string | null;
  limit: number;
}

/** The active dealership's digital-retailing deals (retail service). The dealership header is added by the interceptor. */
@Injectable({ providedIn: 'root' })
export class DealsApi {
  private readonly http = inject(HttpClient);

  /** Newest first; a salesperson gets the deals of their own leads. */
  list(query: DealListQuery): Observable<DealList> {
    return this.http.get<DealList>(BASE, { params: queryParams({ ...query }) });
  }

  get(dealId: string): Observable<DealDesk> {
    return this.http.get<DealDesk>(`${BASE}/${encodeURIComponent(dealId)}`);
  }

  /** Answers 412 when the deal changed since `version` was read (the shopper or a colleague). */
  counterOffer(dealId: string, version: number, input: CounterOfferInput): Observable<DealDesk> {
    return this.http.post<DealDesk>(`${BASE}/${encodeURIComponent(dealId)}/counter-offers`, input, {
      headers: ifMatchOf(version),
    });
  }

  appraise(dealId: string, input: AppraisalInput): Observable<DealTradeIn> {
    return this.http.put<DealTradeIn>(`${BASE}/${encodeURIComponent(dealId)}/trade-in/appraisal`, input);
  }

  /** A trade-in photo: an image the desk may read only with its token, so it is fetched, not linked. */
  tradeInPhoto(dealId: string, photoId: string): Observable<Blob> {
    return this.http.get(
      `${BASE}/${encodeURIComponent(dealId)}/trade-in/photos/${encodeURIComponent(photoId)}`,
      { responseType: 'blob' },
    );
  }

  /**
   * The decrypted credit application (credit:read). Every call is recorded on the deal and the
   * lead; the answer is never kept here, only by the dialog that shows it, for as long as it is open.
   */
  creditApplication(dealId: string): Observable<CreditApplicationView> {
    return this.http.get<CreditApplicationView>(`${BASE}/${encodeURIComponent(dealId)}/credit-application`);
  }

  releaseReservation(dealId: string): Observable<Reservation> {
    return this.http.post<Reservation>(`${BASE}/${encodeURIComponent(dealId)}/reservation/release`, null);
  }
}
