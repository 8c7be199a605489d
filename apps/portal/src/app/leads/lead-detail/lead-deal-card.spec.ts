import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DealLeadSummary } from '@showroom/contracts';
import { registerShowroomIcons } from '../../core/icons';
import { DEAL_ID } from '../../deals/deal-fixtures';
import { LeadDealCard } from './lead-deal-card';

describe('LeadDealCard', () => {
  const deal: DealLeadSummary = {
    dealId: DEAL_ID,
    status: 'submitted',
    kind: 'finance',
    sellingPriceCents: 2_599_900,
    downPaymentCents: 300_000,
    monthlyPaymentCents: 44_321,
    termMonths: 60,
    aprBps: 549,
    dueAtSigningCents: 300_000,
    tradeValueCents: 700_000,
    tradePayoffCents: 200_000,
    products: ['GAP protection'],
    creditApplication: 'received',
    depositCents: 50_000,
    reservationStatus: 'held',
  };

  function render(canOpen: boolean): HTMLElement {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(LeadDealCard);
    fixture.componentRef.setInput('deal', deal);
    fixture.componentRef.setInput('canOpen', canOpen);
    TestBed.runInInjectionContext(registerShowroomIcons);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('sums up the deal the lead came with and links to its desk', () => {
    const host = render(true);
    expect(host.querySelector('[data-testid="lead-deal-kind"]')?.textContent).toBe('Finance');
    expect(host.querySelector('[data-testid="lead-deal-monthly"]')?.textContent).toContain('$443.21 × 60 mo');
    expect(host.querySelector('[data-testid="lead-deal-monthly"]')?.textContent).toContain('5.49%');
    expect(host.querySelector('[data-testid="lead-deal-credit"]')?.textContent?.trim()).toBe('Received');
    expect(host.textContent).toContain('Reserved · $500.00');
    expect(host.querySelector('[data-testid="lead-deal-link"]')?.getAttribute('href')).toBe(
      `/deals/${DEAL_ID}`,
    );
  });

  it('offers no link to whoever may not read deals', () => {
    expect(render(false).querySelector('[data-testid="lead-deal-link"]')).toBeNull();
  });
});
