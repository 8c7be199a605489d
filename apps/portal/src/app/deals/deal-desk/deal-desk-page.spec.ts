import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { RouterTestingHarness } from '@angular/router/testing';
import type { DealDesk, Role } from '@showroom/contracts';
import { closePage, elementIn, openPage, overlayElement, settle as settlePage } from '../../../testing/page';
import {
  creditSummary,
  creditView,
  DEAL_ID,
  dealDesk,
  LEAD_ID,
  PHOTO_ID,
  reservation,
  structure,
  tradeIn,
} from '../deal-fixtures';
import { DealDeskPage } from './deal-desk-page';

@Component({ selector: 'sr-stub', template: '<p>stub</p>' })
class Stub {}

const DESK_URL = `/api/retail/deals/${DEAL_ID}`;

describe('DealDeskPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(desk: DealDesk = dealDesk(), role: Role = 'manager') {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'deals/:dealId', component: DealDeskPage },
        { path: 'deals', component: Stub },
        { path: 'leads/:id', component: Stub },
        { path: 'inventory/:id', component: Stub },
      ],
      url: `/deals/${DEAL_ID}`,
      role,
    }));
    http.expectOne(DESK_URL).flush(desk);
    await settle();
  }

  const settle = () => settlePage(harness);
  const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
    elementIn<T>(harness, `[data-testid="${testId}"]`) as T;
  const within = (parent: string, testId: string) =>
    byTestId(parent)?.querySelector<HTMLElement>(`[data-testid="${testId}"]`) ?? null;

  function type(testId: string, value: string) {
    const input = byTestId<HTMLInputElement>(testId);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => closePage(http));

  it('shows the car, the shopper, the shopper’s offer as a breakdown with the disclosure, the activity and the lead', async () => {
    await open();
    expect(byTestId('deal-title').textContent).toBe('2022 Honda Accord Sport');
    expect(byTestId('deal-shopper-name').textContent).toBe('Ana Ruiz');
    expect(byTestId('deal-shopper-email').textContent).toBe('ana@example.com');
    expect(within('latest-offer', 'quote-price')?.textContent).toBe('$25,999.00');
    expect(within('latest-offer', 'quote-apr')?.textContent).toBe('5.49%');
    expect(within('latest-offer', 'quote-term')?.textContent).toBe('60 months');
    expect(within('latest-offer', 'quote-monthly')?.textContent).toMatch(/^\$\d{3}\.\d{2}$/);
    expect(within('latest-offer', 'quote-disclosure')?.textContent).toBe(
      'Estimate only, not an offer of credit.',
    );
    expect(byTestId('deal-activity').dataset['kind']).toBe('submitted');
    expect(byTestId<HTMLAnchorElement>('deal-lead-link').getAttribute('href')).toBe(`/leads/${LEAD_ID}`);
    expect(byTestId('quote-same').textContent).toContain('Same figures');
  });

  it('when the desk lowers the price, then the payment is recomputed at once and the counter-offer goes with the deal’s version', async () => {
    await open();
    const before = within('desk-quote', 'quote-monthly')?.textContent;
    type('desk-price', '24500');
    type('desk-message', 'We can do $24,500 today.');
    await settle();

    expect(within('desk-quote', 'quote-price')?.textContent).toBe('$24,500.00');
    expect(within('desk-quote', 'quote-monthly')?.textContent).not.toBe(before);
    const priceRow = elementIn(harness, '[data-testid="quote-difference"][data-figure="Selling price"]');
    expect(priceRow?.textContent).toContain('−$1,499.00');

    byTestId<HTMLButtonElement>('send-counter-offer').click();
    await settle();
    const post = http.expectOne(`${DESK_URL}/counter-offers`);
    expect(post.request.headers.get('If-Match')).toBe('"v4"');
    expect(post.request.body).toEqual({
      structure: structure(),
      adjustments: {
        sellingPriceCents: 2_450_000,
        financeAprBps: null,
        leaseMoneyFactor: null,
        tradeValueCents: null,
      },
      message: 'We can do $24,500 today.',
    });
    post.flush(dealDesk({ status: 'countered', version: 5 }));
    await settle();
    expect(elementIn(harness, 'sr-deal-status-chip')?.textContent).toContain('Countered');
  });

  it('when someone else changed the deal first (412), then the desk reloads it and says so', async () => {
    await open();
    byTestId<HTMLButtonElement>('send-counter-offer').click();
    await settle();
    http
      .expectOne(`${DESK_URL}/counter-offers`)
      .flush(
        { type: 'about:blank', title: 'Precondition failed', status: 412 },
        { status: 412, statusText: 'Precondition Failed' },
      );
    await settle();
    http.expectOne(DESK_URL).flush(dealDesk({ version: 5, status: 'withdrawn' }));
    await settle();
    expect(byTestId('deal-changed-banner').textContent).toContain('Someone else changed this deal');
    expect(elementIn(harness, 'sr-deal-status-chip')?.textContent).toContain('Withdrawn');
  });

  async function chooseKind(label: string) {
    byTestId('desk-kind').click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((option) => option.textContent?.trim() === label)
      ?.click();
    await settle();
  }

  it('when the desk makes it a lease, then the term moves to one with a residual and the money factor shows its APR', async () => {
    await open();
    await chooseKind('Lease');
    expect(within('desk-quote', 'quote-money-factor')?.textContent).toContain('0.00125 (3.00% APR)');
    type('desk-money-factor', '0.002');
    await settle();
    expect(byTestId('desk-money-factor-hint').textContent).toContain('4.80% APR');
    expect(within('desk-quote', 'quote-money-factor')?.textContent).toContain('0.00200 (4.80% APR)');
  });

  it('when the dealership offers no lease residuals, then a lease cannot be quoted or sent, and the desk says why', async () => {
    const desk = dealDesk();
    await open({ ...desk, terms: { ...desk.terms, leaseResiduals: [] } });
    await chooseKind('Lease');
    expect(byTestId('desk-quote-problem').textContent).toContain('This cannot be quoted');
    expect(byTestId<HTMLButtonElement>('send-counter-offer').disabled).toBe(true);
  });

  it('for a viewer: no contact details, and nothing to send, appraise or release', async () => {
    await open(
      dealDesk({
        shopper: { firstName: 'Ana', lastName: 'Ruiz', email: null, phone: null },
        tradeIn: tradeIn(),
        reservation: reservation(),
        creditApplication: creditSummary(),
      }),
      'viewer',
    );
    http.expectOne(`${DESK_URL}/trade-in/photos/${PHOTO_ID}`).flush(new Blob(['jpeg']));
    await settle();
    expect(byTestId('deal-contact-hidden').textContent).toContain('hidden for your role');
    expect(byTestId('send-counter-offer')).toBeNull();
    expect(byTestId('appraisal-form')).toBeNull();
    expect(byTestId('release-reservation')).toBeNull();
    expect(byTestId('open-credit-application')).toBeNull();
  });

  it('shows the trade-in with its photos (fetched with the token) and saves an appraisal', async () => {
    await open(dealDesk({ tradeIn: tradeIn() }));
    const photo = http.expectOne(`${DESK_URL}/trade-in/photos/${PHOTO_ID}`);
    expect(photo.request.responseType).toBe('blob');
    photo.flush(new Blob(['jpeg'], { type: 'image/jpeg' }));
    await settle();
    expect(byTestId('trade-in-car').textContent).toBe('2016 Toyota Corolla');
    expect(byTestId('trade-in-estimate').textContent).toContain('$7,000.00 – $8,500.00');

    type('appraisal-value', '7800');
    type('appraisal-note', 'Clean, new tyres');
    byTestId<HTMLButtonElement>('save-appraisal').click();
    await settle();
    const put = http.expectOne(`${DESK_URL}/trade-in/appraisal`);
    expect(put.request.body).toEqual({ valueCents: 780_000, note: 'Clean, new tyres' });
    const appraised = tradeIn({
      status: 'appraised',
      valueCents: 780_000,
      appraisal: {
        valueCents: 780_000,
        note: 'Clean, new tyres',
        appraisedAt: '2026-12-06T11:00:00.000Z',
        appraisedBy: 'Dana Whitfield',
      },
    });
    put.flush(appraised);
    await settle();
    http.expectOne(DESK_URL).flush(dealDesk({ tradeIn: appraised, version: 5 }));
    await settle();
    http
      .match(`${DESK_URL}/trade-in/photos/${PHOTO_ID}`)
      .forEach((request) => request.flush(new Blob(['jpeg'])));
    expect(byTestId('trade-in-appraisal').textContent).toContain('$7,800.00 by Dana Whitfield');
    expect(byTestId<HTMLInputElement>('appraisal-value').value).toBe('');
    expect(byTestId('save-appraisal').textContent).toContain('Appraise again');
  });

  it('a finance manager opens the credit application in a dialog that says the view is recorded', async () => {
    await open(dealDesk({ creditApplication: creditSummary() }), 'finance');
    byTestId<HTMLButtonElement>('open-credit-application').click();
    await settle();
    expect(overlayElement('[data-testid="credit-view-recorded"]')?.textContent).toContain(
      'This view is recorded',
    );
    http.expectOne(`${DESK_URL}/credit-application`).flush(creditView());
    await settle();
    expect(overlayElement('[data-testid="credit-ssn"]')?.textContent).toBe('123-45-6789');
    expect(overlayElement('[data-testid="credit-dob"]')?.textContent).toBe('1990-04-12');

    overlayElement<HTMLButtonElement>('[data-testid="close-credit-view"]')?.click();
    await settle();
    await harness.fixture.whenStable();
    // The view is on the deal's activity now: the desk reads it again.
    http.expectOne(DESK_URL).flush(dealDesk({ creditApplication: creditSummary(), version: 5 }));
    await settle();
    expect(overlayElement('[data-testid="credit-ssn"]')).toBeNull();
  });

  it('a salesperson sees the application’s summary only', async () => {
    await open(dealDesk({ creditApplication: creditSummary() }), 'sales');
    expect(byTestId('credit-summary').textContent).toContain('1');
    expect(byTestId('open-credit-application')).toBeNull();
    expect(byTestId('credit-finance-only').textContent).toContain('Only finance managers');
  });

  it('releases a held car after a confirmation', async () => {
    await open(dealDesk({ reservation: reservation() }));
    expect(byTestId('reservation-held-until').textContent).toContain('2026');
    byTestId<HTMLButtonElement>('release-reservation').click();
    await settle();
    overlayElement<HTMLButtonElement>('[data-testid="confirm"]')?.click();
    await settle();
    await harness.fixture.whenStable();
    const release = http.expectOne(`${DESK_URL}/reservation/release`);
    expect(release.request.method).toBe('POST');
    release.flush(reservation({ status: 'released' }));
    await settle();
    http
      .expectOne(DESK_URL)
      .flush(dealDesk({ reservation: reservation({ status: 'released' }), version: 5 }));
    await settle();
    expect(byTestId('deal-reservation-chip').textContent).toBe('Reservation released');
    expect(byTestId('release-reservation')).toBeNull();
  });

  it('an accepted deal can still be explored at the desk, but not countered', async () => {
    await open(dealDesk({ status: 'accepted' }));
    expect(byTestId('send-counter-offer')).toBeNull();
    expect(byTestId('desk-not-answerable').textContent).toContain('accepted this deal');
    type('desk-price', '24000');
    await settle();
    expect(within('desk-quote', 'quote-price')?.textContent).toBe('$24,000.00');
  });

  it('another dealership’s deal, or one of a colleague’s leads, is not found', async () => {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'deals/:dealId', component: DealDeskPage },
        { path: 'deals', component: Stub },
      ],
      url: `/deals/${DEAL_ID}`,
      role: 'sales',
    }));
    http
      .expectOne(DESK_URL)
      .flush(
        { type: 'about:blank', title: 'Not found', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(byTestId('deal-not-found').textContent).toContain('Deal not found');
  });
});
