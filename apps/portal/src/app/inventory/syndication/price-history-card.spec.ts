import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PriceHistoryCard } from './price-history-card';

describe('PriceHistoryCard', () => {
  it('reads the history only when opened, then lists the newest price first with drops marked', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PriceHistoryCard);
    fixture.componentRef.setInput('vehicleId', 'v-1');
    fixture.detectChanges();
    await fixture.whenStable();
    http.expectNone('/api/inventory/vehicles/v-1/price-history');

    const element = fixture.nativeElement as HTMLElement;
    element.querySelector<HTMLButtonElement>('[data-testid="price-history-toggle"]')?.click();
    fixture.detectChanges();
    http.expectOne('/api/inventory/vehicles/v-1/price-history').flush({
      vehicleId: 'v-1',
      entries: [
        {
          fromCents: null,
          toCents: 2_000_000,
          currency: 'USD',
          source: 'portal',
          changedAt: '2026-11-01T10:00:00Z',
        },
        {
          fromCents: 2_000_000,
          toCents: 1_850_000,
          currency: 'USD',
          source: 'portal',
          changedAt: '2026-11-05T10:00:00Z',
        },
      ],
    });
    fixture.detectChanges();
    await fixture.whenStable();

    const steps = [...element.querySelectorAll('[data-testid="price-step"]')];
    expect(steps.map((step) => step.querySelector('.step__price')?.textContent?.trim())).toEqual([
      '$18,500',
      '$20,000',
    ]);
    expect(steps[0].classList).toContain('step--drop');
    expect(steps[0].querySelector('[data-testid="price-change"]')?.textContent).toContain('$1,500');
    http.verify();
  });
});
