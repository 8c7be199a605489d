import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CreditApplicationInput, ShopperDeal, TradeInInput } from '@showroom/contracts';
import { appRoutes } from '../app.routes';
import { SITE } from '../site/site';
import { site } from '../shared/testing/fixtures';
import { ACCESS_TOKEN, DEAL_ID, offer, retailTerms, shopperDeal } from '../shared/testing/retail-fixtures';
import { ExternalNavigation } from './external-navigation';

const BASE = `http://localhost:4200/api/retail/public/dealerships/${site().dealershipId}`;
const DEAL_URL = `${BASE}/deals/${DEAL_ID}`;
const TERMS_URL = `${BASE}/terms`;
const SSN = '123-45-6789';

async function openDeal(query: string, deal: ShopperDeal | null = shopperDeal()) {
  const leaving: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter(appRoutes),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: SITE, useValue: site() },
      { provide: ExternalNavigation, useValue: { go: (url: string) => leaving.push(url) } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/deals/${DEAL_ID}${query}`);
  const http = TestBed.inject(HttpTestingController);
  const page = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  if (deal) {
    const read = await vi.waitFor(() => http.expectOne(DEAL_URL));
    read.flush(deal);
    http.expectOne(TERMS_URL).flush(retailTerms());
    await settle();
  }
  const click = async (testId: string) => {
    const element = page().querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    if (!element) throw new Error(`nothing with data-testid ${testId}`);
    element.click();
    await settle();
  };
  const type = async (id: string, value: string) => {
    const field = page().querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
    if (!field) throw new Error(`no #${id}`);
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
    await settle();
  };
  return { harness, http, page, settle, click, type, leaving };
}

describe('DealPage', () => {
  beforeEach(() => sessionStorage.clear());

  it('opened from an e-mailed link, it keeps the token for this tab, takes it out of the address bar and reads the deal with it', async () => {
    const { page, http } = await openDeal(`?access=${ACCESS_TOKEN}`, null);
    const read = await vi.waitFor(() => http.expectOne(DEAL_URL));
    expect(read.request.headers.get('x-deal-access')).toBe(ACCESS_TOKEN);
    read.flush(shopperDeal());
    http.expectOne(TERMS_URL).flush(retailTerms());
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe(`/deals/${DEAL_ID}`));
    expect(sessionStorage.getItem(`sf-deal-access:${DEAL_ID}`)).toBe(ACCESS_TOKEN);
    await vi.waitFor(() => expect(page().querySelector('h1')?.textContent).toBe('Your deal, Dana'));
    const steps = Array.from(page().querySelectorAll('.steps h2')).map((h) =>
      h.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(steps).toEqual([
      'Payment',
      'Trade-in (optional)',
      'Protection products (optional)',
      'Credit application (for finance or lease)',
      'Reserve the car (optional)',
      'Review and send',
    ]);
    expect(document.head.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  it('without a token, it asks for the e-mailed link and reads nothing', async () => {
    const { page, http } = await openDeal('', null);
    expect(page().querySelector('h1')?.textContent).toBe('Open your deal from its link');
    http.expectNone(DEAL_URL);
  });

  it('when the token is wrong or expired (404), it says so and forgets the token', async () => {
    sessionStorage.setItem(`sf-deal-access:${DEAL_ID}`, 'expired');
    const { page, http, settle } = await openDeal('', null);
    (await vi.waitFor(() => http.expectOne(DEAL_URL))).flush(
      { type: 'about:blank', title: 'Not Found', status: 404 },
      { status: 404, statusText: 'Not Found' },
    );
    await settle();
    expect(page().querySelector('h1')?.textContent).toBe('We could not open this deal');
    expect(sessionStorage.getItem(`sf-deal-access:${DEAL_ID}`)).toBeNull();
  });

  it('shows the dealer’s counter-offer with its figures and message, and accepts it', async () => {
    sessionStorage.setItem(`sf-deal-access:${DEAL_ID}`, ACCESS_TOKEN);
    const counter = offer({
      version: 2,
      by: 'dealer',
      author: 'Sam Sales',
      message: 'We can do $23,999 with the 6.99 % rate.',
      adjustments: {
        sellingPriceCents: 2_399_900,
        financeAprBps: 699,
        leaseMoneyFactor: null,
        tradeValueCents: null,
      },
    });
    const { page, http, click, settle } = await openDeal(
      '',
      shopperDeal({ status: 'countered', offer: counter }),
    );
    const status = page().querySelector('[data-testid="deal-status"]');
    expect(status?.querySelector('h2')?.textContent).toBe('The dealership made you an offer');
    expect(status?.textContent).toContain('Sam Sales sent you an offer');
    expect(status?.textContent).toContain('$23,999.00');
    expect(status?.querySelector('[data-testid="dealer-message"]')?.textContent).toBe(counter.message);
    expect(status?.querySelector('[data-testid="monthly-payment"]')?.textContent).toBe(
      `$${((counter.quote.monthlyPaymentCents ?? 0) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    expect(page().querySelector('[data-testid="change-payment"]')).toBeNull();

    await click('accept-offer');
    const accept = http.expectOne(`${DEAL_URL}/accept`);
    expect(accept.request.body).toEqual({ version: 2 });
    expect(accept.request.headers.get('x-deal-access')).toBe(ACCESS_TOKEN);
    accept.flush(
      shopperDeal({ status: 'accepted', offer: { ...counter, acceptedAt: '2026-12-06T18:00:00.000Z' } }),
    );
    await settle();
    expect(page().querySelector('[data-testid="deal-status"] h2')?.textContent).toBe('Offer accepted');
  });

  it('sends a credit application, then shows only that it was received and keeps nothing of it', async () => {
    sessionStorage.setItem(`sf-deal-access:${DEAL_ID}`, ACCESS_TOKEN);
    const { page, http, click, type, settle } = await openDeal('');
    await click('open-credit');
    const fill: Record<string, string> = {
      firstName: 'Dana',
      lastName: 'Shopper',
      ssn: SSN,
      dateOfBirth: '1985-04-12',
      email: 'dana@example.test',
      phone: '512 555 0199',
      street: '1 Elm St',
      city: 'Austin',
      region: 'TX',
      postalCode: '78701',
      housing: 'rent',
      monthlyHousing: '1450',
      yearsAtAddress: '3',
      employmentStatus: 'employed',
      employer: 'Acme',
      yearsEmployed: '5',
      grossMonthlyIncome: '6200',
    };
    await click('send-credit');
    expect(page().querySelector('#credit-status')?.textContent).toContain('fields need your attention');
    expect(page().querySelector('#credit-consent-error')?.textContent).toContain('agree');
    for (const [field, value] of Object.entries(fill)) await type(`credit-applicant-${field}`, value);
    page().querySelector<HTMLInputElement>('#credit-consent')?.click();
    await settle();
    await click('send-credit');

    const sent = http.expectOne(`${DEAL_URL}/credit-application`);
    const body = sent.request.body as CreditApplicationInput;
    expect(body.consent).toEqual({ accepted: true, version: '2026-12-06' });
    expect(body.applicant).toMatchObject({
      ssn: SSN,
      dateOfBirth: '1985-04-12',
      residence: { housing: 'rent', monthlyHousingCents: 145_000, yearsAtAddress: 3 },
      employment: {
        status: 'employed',
        employer: 'Acme',
        yearsEmployed: 5,
        grossMonthlyIncomeCents: 620_000,
      },
    });
    expect(body.coApplicant).toBeUndefined();
    sent.flush(
      {
        status: 'received',
        applicants: 1,
        submittedAt: '2026-12-06T16:00:00.000Z',
        consentVersion: '2026-12-06',
        deleteAfter: '2027-03-06T16:00:00.000Z',
      },
      { status: 201, statusText: 'Created' },
    );
    await settle();
    expect(page().querySelector('[data-testid="credit-received"]')?.textContent).toContain(
      'received on Dec 6, 2026',
    );
    expect(page().querySelector('[data-testid="credit-form"]')).toBeNull();
    expect(page().innerHTML).not.toContain(SSN);
    expect(page().innerHTML).not.toContain('1985-04-12');
  });

  it('reserves the car on the payment provider’s page, and back from paying shows it held', async () => {
    sessionStorage.setItem(`sf-deal-access:${DEAL_ID}`, ACCESS_TOKEN);
    const { http, click, leaving } = await openDeal('');
    await click('reserve');
    http.expectOne(`${DEAL_URL}/reservation`).flush(
      {
        reservation: {
          id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
          status: 'awaiting-payment',
          depositCents: 50_000,
          paidAt: null,
          heldUntil: null,
        },
        checkoutUrl: 'http://localhost:4570/pay/cs_test_1',
      },
      { status: 201, statusText: 'Created' },
    );
    expect(leaving).toEqual(['http://localhost:4570/pay/cs_test_1']);
    TestBed.resetTestingModule();

    sessionStorage.setItem(`sf-deal-access:${DEAL_ID}`, ACCESS_TOKEN);
    const back = await openDeal(
      '?reservation=paid',
      shopperDeal({
        reservation: {
          id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
          status: 'held',
          depositCents: 50_000,
          paidAt: '2026-12-06T16:05:00.000Z',
          heldUntil: '2026-12-08T16:05:00.000Z',
        },
      }),
    );
    expect(back.page().querySelector('[data-testid="reservation-held"]')?.textContent).toContain(
      'Reserved for you until Dec 8, 2026, 10:05 AM',
    );
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe(`/deals/${DEAL_ID}`));
  });

  it('refuses to leave for a checkout address that is not a web page', async () => {
    sessionStorage.setItem(`sf-deal-access:${DEAL_ID}`, ACCESS_TOKEN);
    const { http, click, leaving, page, settle } = await openDeal('');
    await click('reserve');
    http.expectOne(`${DEAL_URL}/reservation`).flush({
      reservation: {
        id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
        status: 'awaiting-payment',
        depositCents: 50_000,
        paidAt: null,
        heldUntil: null,
      },
      checkoutUrl: 'javascript:alert(1)',
    });
    await settle();
    expect(leaving).toEqual([]);
    expect(page().textContent).toContain('The payment page could not be opened');
  });

  it('values a trade-in described by year, make and model, then shows the deal’s figures for it', async () => {
    sessionStorage.setItem(`sf-deal-access:${DEAL_ID}`, ACCESS_TOKEN);
    const { page, http, click, type, settle } = await openDeal('');
    await click('add-trade-in');
    page().querySelector<HTMLInputElement>('input[name="trade-identify"][value="details"]')?.click();
    await settle();
    await type('trade-year', '2018');
    await type('trade-make', 'Honda');
    await type('trade-model', 'Civic');
    await type('trade-mileage', '48,000');
    page().querySelector<HTMLInputElement>('input[name="trade-overall"][value="fair"]')?.click();
    await type('trade-payoff', '3,000');
    await click('save-trade-in');

    const saved = http.expectOne(`${DEAL_URL}/trade-in`);
    expect(saved.request.method).toBe('PUT');
    expect(saved.request.body as TradeInInput).toEqual({
      year: 2018,
      make: 'Honda',
      model: 'Civic',
      mileage: 48_000,
      condition: {
        overall: 'fair',
        accidents: false,
        mechanicalIssues: false,
        warningLights: false,
        keys: 2,
      },
      payoffCents: 300_000,
    });
    const trade = {
      id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      vin: null,
      year: 2018,
      make: 'Honda',
      model: 'Civic',
      trim: null,
      mileage: 48_000,
      condition: {
        overall: 'fair' as const,
        accidents: false,
        mechanicalIssues: false,
        warningLights: false,
        keys: 2,
      },
      payoffCents: 300_000,
      lender: null,
      photos: [],
      estimate: { lowCents: 1_100_000, highCents: 1_300_000 },
      appraisal: null,
      status: 'estimated' as const,
      valueCents: 1_100_000,
    };
    saved.flush(trade);
    const photoPath = `/api/retail/public/dealerships/${site().dealershipId}/deals/${DEAL_ID}/trade-in/photos/p1?sig=1.x`;
    (await vi.waitFor(() => http.expectOne(DEAL_URL))).flush(
      shopperDeal({
        tradeIn: { ...trade, photos: [{ id: '5f0e1d2c-3b4a-4968-8776-655443322110', url: photoPath }] },
      }),
    );
    await settle();
    await vi.waitFor(() =>
      expect(page().querySelector('[data-testid="trade-in-value"]')?.textContent).toBe(
        'Estimated at $11,000.00 – $13,000.00',
      ),
    );
    // The signed path is on the public API, which the page reaches at the site's API origin.
    expect(page().querySelector('[data-testid="trade-in-photos"] img')?.getAttribute('src')).toBe(
      `http://localhost:4200${photoPath}`,
    );
  });

  it('sends the deal from the review step; then the status says it was sent', async () => {
    sessionStorage.setItem(`sf-deal-access:${DEAL_ID}`, ACCESS_TOKEN);
    const { page, http, click, settle } = await openDeal('');
    await click('submit-deal');
    http
      .expectOne(`${DEAL_URL}/submit`)
      .flush(shopperDeal({ status: 'submitted', submittedAt: '2026-12-06T16:10:00.000Z' }));
    await settle();
    expect(page().querySelector('[data-testid="deal-status"] h2')?.textContent).toBe(
      'Sent to the dealership',
    );
    expect(page().querySelector('[data-testid="submit-deal"]')).toBeNull();
    expect(page().querySelector('[data-testid="add-trade-in"]')).toBeNull();
  });
});
