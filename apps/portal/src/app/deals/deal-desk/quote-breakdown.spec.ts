import { TestBed } from '@angular/core/testing';
import type { Quote } from '@showroom/contracts';
import { quoteDeal } from '@showroom/retail-payments';
import { DEAL_VEHICLE, retailTerms, structure, tradeIn } from '../deal-fixtures';
import { QuoteBreakdown } from './quote-breakdown';

describe('QuoteBreakdown', () => {
  function render(quote: Quote): HTMLElement {
    const fixture = TestBed.createComponent(QuoteBreakdown);
    fixture.componentRef.setInput('quote', quote);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }
  const text = (host: HTMLElement, testId: string) =>
    host.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;
  const vehicle = { priceCents: DEAL_VEHICLE.priceCents, msrpCents: DEAL_VEHICLE.msrpCents };

  it('a finance quote with a trade worth less than its payoff shows the negative equity, tax, amount financed and APR', () => {
    const trade = tradeIn({ valueCents: 200_000, payoffCents: 500_000 });
    const quote = quoteDeal({
      vehicle,
      structure: structure({ products: [{ productId: retailTerms().products[0].id, termMonths: 60 }] }),
      trade: { valueCents: trade.valueCents, payoffCents: trade.payoffCents },
      terms: retailTerms(),
    });
    const host = render(quote);
    expect(text(host, 'quote-trade-equity')).toBe('-$3,000.00');
    expect(host.querySelector('[data-testid="quote-trade-equity"]')?.classList).toContain('negative');
    expect(text(host, 'quote-product')).toBe('GAP protection (60 mo)');
    expect(text(host, 'quote-tax')).toBe(
      `$${(quote.taxCents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    expect(text(host, 'quote-amount-financed')).toContain('$');
    expect(text(host, 'quote-apr')).toBe('5.49%');
    expect(host.textContent).not.toContain('Money factor');
  });

  it('a lease shows cap cost, residual, money factor with its APR equivalent, and what is due at signing', () => {
    const quote = quoteDeal({
      vehicle,
      structure: structure({ kind: 'lease', termMonths: 36 }),
      trade: null,
      terms: retailTerms(),
    });
    const host = render(quote);
    expect(text(host, 'quote-residual')).toBe('$17,980.00');
    expect(host.textContent).toContain('Residual (58.00%)');
    expect(text(host, 'quote-money-factor')).toBe('0.00125 (3.00% APR)');
    expect(text(host, 'quote-term')).toBe('36 months');
    expect(host.textContent).toContain('Acquisition fee');
    expect(host.textContent).not.toContain('Amount financed');
    expect(text(host, 'quote-due-at-signing')).toMatch(/^\$[\d,]+\.\d{2}$/);
  });

  it('a cash deal headlines what is due, with no monthly payment', () => {
    const quote = quoteDeal({
      vehicle,
      structure: structure({ kind: 'cash', downPaymentCents: 0 }),
      trade: null,
      terms: retailTerms(),
    });
    const host = render(quote);
    expect(text(host, 'quote-monthly')).toBeNull();
    expect(text(host, 'quote-due')).toBe(text(host, 'quote-due-at-signing'));
  });
});
