import { describe, expect, it } from 'vitest';
import { PAYMENT_ESTIMATE_DISCLOSURE, type DealVehicle, type Quote } from '@showroom/contracts';
import { cleanFirstName, counterOfferMail, dealReceivedMail } from './deal-mail-text';

const vehicle: DealVehicle = {
  vehicleId: '7d9e2b3c-4a5f-4b6c-8d7e-9f0a1b2c3d4e',
  vin: '1HGCV1F34PA000001',
  stockNumber: 'R1001',
  year: 2024,
  make: 'Toyota',
  model: 'Camry',
  trim: 'SE',
  condition: 'new',
  priceCents: 2_849_500,
  msrpCents: 2_995_000,
  photoUrl: null,
};

const financeQuote = {
  kind: 'finance',
  sellingPriceCents: 2_849_500,
  downPaymentCents: 300_000,
  dueAtSigningCents: 300_000,
  monthlyPaymentCents: 51_234,
  finance: {
    amountFinancedCents: 2_700_000,
    aprBps: 749,
    termMonths: 60,
    monthlyPaymentCents: 51_234,
    totalOfPaymentsCents: 3_074_040,
    financeChargeCents: 374_040,
  },
  lease: null,
  disclosure: PAYMENT_ESTIMATE_DISCLOSURE,
} as Quote;

describe('the shopper’s deal e-mails', () => {
  it('state the payment with the disclosure and the dealership’s name', () => {
    const mail = dealReceivedMail({
      dealershipName: 'Demo Motors',
      shopperFirstName: 'Dana',
      vehicle,
      quote: financeQuote,
    });
    expect(mail.subject).toBe('We received your deal for the 2024 Toyota Camry SE');
    expect(mail.text).toContain('Hello Dana,');
    expect(mail.text).toContain('Finance: $512.34 a month for 60 months at 7.49% APR, $3,000.00 down.');
    expect(mail.text).toContain(PAYMENT_ESTIMATE_DISCLOSURE);
    expect(mail.text).toContain('Demo Motors');
    expect(mail.html).toContain('$512.34 a month');
  });

  it('carry the signed link, escaped in HTML, and never what a stranger typed as a name', () => {
    const mail = counterOfferMail({
      dealershipName: 'Demo & Sons',
      shopperFirstName: 'Visit www.evil.example',
      vehicle,
      quote: financeQuote,
      message: 'We can do <better>.',
      link: 'https://www.dealer.example/deals/x?access=l1.2.3.abc',
      linkExpiresAt: new Date('2026-12-09T12:00:00Z'),
    });
    expect(mail.text).toContain('Hello there,');
    expect(mail.text).toContain('Your deal: https://www.dealer.example/deals/x?access=l1.2.3.abc');
    expect(mail.html).toContain(
      '<a href="https://www.dealer.example/deals/x?access=l1.2.3.abc">Your deal</a>',
    );
    expect(mail.html).toContain('Demo &#38; Sons');
    expect(mail.html).toContain('&#60;better&#62;');
    expect(mail.html).not.toContain('evil');
  });

  it('keep a plain first name and refuse links and markup', () => {
    expect(cleanFirstName('  José  María ')).toBe('José María');
    expect(cleanFirstName('<b>Bob</b>')).toBe('there');
    expect(cleanFirstName('bob.example.com')).toBe('there');
  });
});
