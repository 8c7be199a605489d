import { describe, expect, it } from 'vitest';
import { FINANCE_TERM_MAX_MONTHS, FINANCE_TERM_MIN_MONTHS, QuoteSchema } from '@showroom/contracts';
import { FINANCE_TERM_RANGE, quoteDeal } from '../index';
import { quoteInput, quoteTerms, SERVICE_CONTRACT, structure } from '../test-support/quote-fixtures';

const cash = (overrides: Parameters<typeof structure>[0] = {}) => structure({ kind: 'cash', ...overrides });

describe('a cash quote', () => {
  it('is paid in full at signing: price, fees, products and tax less the trade equity', () => {
    const quote = quoteDeal(
      quoteInput({
        structure: cash({
          downPaymentCents: 500_000,
          products: [{ productId: SERVICE_CONTRACT.id, termMonths: 36 }],
        }),
        trade: { valueCents: 800_000, payoffCents: 500_000 },
      }),
    );

    expect(QuoteSchema.parse(quote)).toEqual(quote);
    expect(quote).toMatchObject({
      kind: 'cash',
      taxableCents: 2_700_000,
      taxCents: 168_750,
      downPaymentCents: 0,
      finance: null,
      lease: null,
      monthlyPaymentCents: null,
      dueAtSigningCents: 3_000_000 + 72_400 + 180_000 + 168_750 - 300_000,
      cashBackCents: 0,
    });
  });

  it('adds the payoff a trade does not cover', () => {
    const quote = quoteDeal(
      quoteInput({ structure: cash(), trade: { valueCents: 500_000, payoffCents: 800_000 } }),
    );

    expect(quote.dueAtSigningCents).toBe(3_000_000 + 72_400 + 187_500 + 300_000);
  });

  it('pays the shopper back when the trade is worth more than the car', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 1_000_000, msrpCents: null },
        structure: cash(),
        trade: { valueCents: 1_500_000, payoffCents: 0 },
      }),
    );

    expect(quote.dueAtSigningCents).toBe(0);
    expect(quote.cashBackCents).toBe(1_500_000 - 1_072_400);
  });

  it('pays back only the trade’s excess, never a down payment the structure names', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 1_000_000, msrpCents: null },
        structure: cash({ downPaymentCents: 1_000_000 }),
        trade: { valueCents: 1_500_000, payoffCents: 0 },
      }),
    );

    // Balance: $10,000 + $724 fees + $0 tax (the $15,000 equity exceeds the price) = $10,724.
    // The trade pays all of it; $4,276 of its equity comes back; the $10,000 "down" is not taken.
    expect(quote).toMatchObject({
      taxCents: 0,
      downPaymentCents: 0,
      dueAtSigningCents: 0,
      cashBackCents: 427_600,
    });
  });

  it('needs no credit tier or term', () => {
    const quote = quoteDeal(
      quoteInput({
        structure: cash({ creditTier: 'fair', termMonths: 84 }),
        terms: quoteTerms({ creditTiers: [] }),
      }),
    );

    expect(quote.dueAtSigningCents).toBe(3_000_000 + 72_400 + 187_500);
  });
});

describe('the finance term range', () => {
  it('is the contracts’ range', () => {
    expect(FINANCE_TERM_RANGE).toEqual({ min: FINANCE_TERM_MIN_MONTHS, max: FINANCE_TERM_MAX_MONTHS });
  });
});
