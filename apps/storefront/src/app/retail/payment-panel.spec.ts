import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { formatCents, quoteDeal } from '@showroom/retail-payments';
import { vehicle } from '../shared/testing/fixtures';
import { retailTerms } from '../shared/testing/retail-fixtures';
import { PaymentPanel } from './payment-panel';

async function panel() {
  // No HttpClient is provided: a request per change would fail the test.
  TestBed.configureTestingModule({ providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(PaymentPanel);
  fixture.componentRef.setInput('vehicle', { ...vehicle(), priceCents: 2_499_900 });
  fixture.componentRef.setInput('terms', retailTerms());
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const type = async (label: string, value: string) => {
    const field = element.querySelector<HTMLInputElement>(`#${labelled(label)}`);
    if (!field) throw new Error(`no field ${label}`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const labelled = (text: string) =>
    Array.from(element.querySelectorAll('label')).find((label) => label.textContent?.trim().startsWith(text))
      ?.htmlFor ?? 'missing';
  const text = (testId: string) => element.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();
  return { fixture, element, type, text, labelled };
}

const quoted = (downPaymentCents: number, trade: { valueCents: number; payoffCents: number } | null = null) =>
  quoteDeal({
    vehicle: { priceCents: 2_499_900, msrpCents: null },
    structure: { kind: 'finance', downPaymentCents, termMonths: 60, creditTier: 'good', products: [] },
    trade,
    terms: retailTerms(),
  });

describe('PaymentPanel', () => {
  it('shows the payment of the default structure with the dealer’s disclosure, from the terms alone', async () => {
    const { text } = await panel();
    const quote = quoted(240_000);
    expect(text('monthly-payment')).toBe(formatCents(quote.monthlyPaymentCents ?? 0));
    expect(text('payment-disclosure')).toBe('Estimate only, not an offer of credit. (Demo Motors)');
  });

  it('when the shopper types a down payment and a trade, then the payment changes at once, with no request', async () => {
    const { type, text } = await panel();
    await type('Down payment', '5,000');
    const withDown = quoted(500_000);
    expect(text('monthly-payment')).toBe(formatCents(withDown.monthlyPaymentCents ?? 0));
    await type('Its value', '8000');
    await type('Still owed', '3000');
    const withTrade = quoted(500_000, { valueCents: 800_000, payoffCents: 300_000 });
    expect(text('monthly-payment')).toBe(formatCents(withTrade.monthlyPaymentCents ?? 0));
  });

  it('says at the field when a down payment is not an amount, and keeps the last good payment', async () => {
    const { type, text, element, labelled } = await panel();
    const before = text('monthly-payment');
    await type('Down payment', 'lots');
    const field = element.querySelector(`#${labelled('Down payment')}`);
    expect(field?.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector(`#${field?.getAttribute('aria-describedby')}`)?.textContent).toContain(
      'dollars',
    );
    expect(text('monthly-payment')).toBe(before);
  });

  it('offers lease terms the dealer has residuals for, and shows the due at signing', async () => {
    const { element, fixture, text } = await panel();
    const lease = Array.from(element.querySelectorAll<HTMLInputElement>('input[type="radio"]')).find(
      (radio) => radio.value === 'lease',
    );
    lease?.click();
    await fixture.whenStable();
    const terms = Array.from(element.querySelectorAll<HTMLOptionElement>('select[name="termMonths"] option'));
    expect(terms.map((option) => option.value)).toEqual(['24', '36']);
    expect(text('due-at-signing')).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(element.textContent).toContain('36-month lease');
  });

  it('“Buy this car online” takes the structure to the buy page', async () => {
    const { element, type } = await panel();
    await type('Down payment', '3000');
    const link = element.querySelector<HTMLAnchorElement>('[data-testid="buy-online"]');
    const url = new URL(link?.getAttribute('href') ?? '', 'http://x');
    expect(url.pathname).toBe('/cars/5d1c7e3a-1b2c-4d5e-8f90-123456789abc/2021-toyota-camry-se/buy');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kind: 'finance',
      down: '300000',
      term: '60',
      tier: 'good',
    });
  });
});
