import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import {
  creditView,
  DEAL_ID,
  dealDesk,
  dealSummary,
  PHOTO_ID,
  reservation,
  structure,
  tradeIn,
} from '../deals/deal-fixtures';
import { DealsApi } from './deals-api';

describe('DealsApi', () => {
  let api: DealsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(DealsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists deals with only the filters set, and a cursor for the next page', async () => {
    const first = firstValueFrom(api.list({ status: null, cursor: null, limit: 25 }));
    http.expectOne('/api/retail/deals?limit=25').flush({ items: [dealSummary()], nextCursor: 'c2' });
    expect((await first).nextCursor).toBe('c2');

    const next = firstValueFrom(api.list({ status: 'submitted', cursor: 'c2', limit: 25 }));
    http
      .expectOne('/api/retail/deals?status=submitted&cursor=c2&limit=25')
      .flush({ items: [], nextCursor: null });
    expect((await next).items).toEqual([]);
  });

  it('when a counter-offer is sent, then it names the deal version it was made on (If-Match)', async () => {
    const input = { structure: structure({ termMonths: 72 }), adjustments: dealDesk().offers[0].adjustments };
    const sent = firstValueFrom(api.counterOffer(DEAL_ID, 4, input));
    const post = http.expectOne(`/api/retail/deals/${DEAL_ID}/counter-offers`);
    expect(post.request.method).toBe('POST');
    expect(post.request.headers.get('If-Match')).toBe('"v4"');
    expect(post.request.body).toEqual(input);
    post.flush(dealDesk({ version: 5 }));
    expect((await sent).version).toBe(5);
  });

  it('reads a trade-in photo as bytes, appraises, opens the credit application and releases the reservation', async () => {
    const photo = firstValueFrom(api.tradeInPhoto(DEAL_ID, PHOTO_ID));
    const photoRequest = http.expectOne(`/api/retail/deals/${DEAL_ID}/trade-in/photos/${PHOTO_ID}`);
    expect(photoRequest.request.responseType).toBe('blob');
    photoRequest.flush(new Blob(['jpeg'], { type: 'image/jpeg' }));
    expect((await photo).type).toBe('image/jpeg');

    const appraised = firstValueFrom(api.appraise(DEAL_ID, { valueCents: 800_000 }));
    const put = http.expectOne(`/api/retail/deals/${DEAL_ID}/trade-in/appraisal`);
    expect(put.request.method).toBe('PUT');
    put.flush(tradeIn({ status: 'appraised' }));
    expect((await appraised).status).toBe('appraised');

    const view = firstValueFrom(api.creditApplication(DEAL_ID));
    http.expectOne(`/api/retail/deals/${DEAL_ID}/credit-application`).flush(creditView());
    expect((await view).applicant.lastName).toBe('Ruiz');

    const released = firstValueFrom(api.releaseReservation(DEAL_ID));
    const release = http.expectOne(`/api/retail/deals/${DEAL_ID}/reservation/release`);
    expect(release.request.method).toBe('POST');
    release.flush(reservation({ status: 'released' }));
    expect((await released).status).toBe('released');
  });
});
