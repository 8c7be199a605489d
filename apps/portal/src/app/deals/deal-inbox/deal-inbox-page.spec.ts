import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@showroom/contracts';
import { closePage, elementIn, openPage, overlayElement, settle as settlePage } from '../../../testing/page';
import { dealSummary } from '../deal-fixtures';
import { DealInboxPage } from './deal-inbox-page';

@Component({ selector: 'sr-desk-stub', template: '<p data-testid="desk">desk</p>' })
class DeskStub {}

describe('DealInboxPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(url = '/deals', role: Role = 'manager') {
    ({ http, harness } = await openPage({
      routes: [
        { path: 'deals', component: DealInboxPage },
        { path: 'deals/:dealId', component: DeskStub },
        { path: 'retail-settings', component: DeskStub },
      ],
      url,
      role,
    }));
    await settle();
  }

  const settle = () => settlePage(harness);
  const all = (testId: string) =>
    Array.from(
      (harness.fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
        `[data-testid="${testId}"]`,
      ),
    );
  const byTestId = (testId: string) => elementIn(harness, `[data-testid="${testId}"]`) as HTMLElement;

  afterEach(() => closePage(http));

  it('lists each deal with its vehicle, shopper, kind, payment, and what stands of trade, credit and reservation', async () => {
    await open();
    http.expectOne('/api/retail/deals?limit=25').flush({
      items: [
        dealSummary({
          tradeStatus: 'awaiting-appraisal',
          creditApplicationStatus: 'received',
          reservationStatus: 'held',
        }),
        dealSummary({
          id: '4b0c7f0e-2f5b-4d7e-9a51-8f3c2d1e0a12',
          kind: 'cash',
          monthlyPaymentCents: null,
          dueAtSigningCents: 2_800_000,
          shopperName: 'Ben Ode',
        }),
      ],
      nextCursor: null,
    });
    await settle();

    const rows = all('deal-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('2022 Honda Accord Sport');
    expect(all('deal-shopper').map((cell) => cell.textContent?.trim())).toEqual(['Ana Ruiz', 'Ben Ode']);
    expect(all('deal-kind').map((cell) => cell.textContent?.trim())).toEqual(['Finance', 'Cash']);
    expect(all('deal-monthly')[0].textContent).toContain('$443.21/mo');
    expect(all('deal-monthly')[1].textContent).toContain('$28,000.00 due');
    expect(byTestId('deal-trade-chip').textContent).toBe('Trade to appraise');
    expect(byTestId('deal-credit-chip').textContent).toBe('Credit app received');
    expect(byTestId('deal-reservation-chip').textContent).toBe('Reserved');
    expect(all('deal-status-chip')[0].dataset['status']).toBe('submitted');
    expect(byTestId('deal-list-more')).toBeNull();
  });

  it('when the dealer filters by status, then the URL says so and the list is read again for it', async () => {
    await open();
    http.expectOne('/api/retail/deals?limit=25').flush({ items: [dealSummary()], nextCursor: null });
    await settle();

    byTestId('deal-filter-status').click();
    await settle();
    const countered = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((option) =>
      option.textContent?.includes('Countered'),
    );
    countered?.click();
    await settle();

    expect(TestBed.inject(Router).url).toBe('/deals?status=countered');
    http.expectOne('/api/retail/deals?status=countered&limit=25').flush({ items: [], nextCursor: null });
    await settle();
    expect(byTestId('deal-list-empty').textContent).toContain('No countered deals');
    expect(overlayElement('mat-option')).toBeNull();
  });

  it('loads older deals with the cursor and adds them below', async () => {
    await open();
    http.expectOne('/api/retail/deals?limit=25').flush({ items: [dealSummary()], nextCursor: 'next-1' });
    await settle();
    byTestId('deal-list-more').click();
    await settle();
    http.expectOne('/api/retail/deals?cursor=next-1&limit=25').flush({
      items: [dealSummary({ id: '4b0c7f0e-2f5b-4d7e-9a51-8f3c2d1e0a13', shopperName: 'Cy Old' })],
      nextCursor: null,
    });
    await settle();
    expect(all('deal-shopper').map((cell) => cell.textContent?.trim())).toEqual(['Ana Ruiz', 'Cy Old']);
  });

  it('when the list cannot be read, then it says why and "Try again" reads it again', async () => {
    await open();
    http
      .expectOne('/api/retail/deals?limit=25')
      .flush(
        { type: 'about:blank', title: 'Service unavailable', status: 503 },
        { status: 503, statusText: 'Unavailable' },
      );
    await settle();
    expect(byTestId('deal-list-error').textContent).toContain('Service unavailable');
    (byTestId('deal-list-error').querySelector('button') as HTMLButtonElement).click();
    await settle();
    http.expectOne('/api/retail/deals?limit=25').flush({ items: [], nextCursor: null });
    await settle();
    expect(byTestId('deal-list-empty').textContent).toContain('No deals yet');
  });

  it('a click on a row opens its desk; the settings link is there only for those who configure retail', async () => {
    await open('/deals', 'sales');
    http.expectOne('/api/retail/deals?limit=25').flush({ items: [dealSummary()], nextCursor: null });
    await settle();
    expect(byTestId('retail-settings-link')).toBeNull();
    (all('deal-row')[0].querySelector('td:nth-child(2)') as HTMLElement).click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/deals/${dealSummary().id}`);
  });
});
