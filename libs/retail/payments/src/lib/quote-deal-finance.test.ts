import { describe, expect, it } from 'vitest';
import { NO_ADJUSTMENTS, QuoteSchema } from '@showroom/contracts';
import { quoteDeal, QuoteError } from '../index';
import { GAP, quoteInput, quoteTerms, SERVICE_CONTRACT, structure } from '../test-support/quote-fixtures';

const NO_FEES_NO_TAX = quoteTerms({
  fees: { documentationCents: 0, titleCents: 0, registrationCents: 0, leaseAcquisitionCents: 0 },
  tax: {
    salesTaxBps: 0,
    tradeReducesTaxable: true,
    feesTaxable: false,
    productsTaxable: false,
    leaseTax: 'monthly',
  },
});

describe('a finance quote', () => {
  it('finances $25,000 at 6 % for 60 months at $483.32 a month', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 2_500_000, msrpCents: null },
        terms: NO_FEES_NO_TAX,
        adjustments: { ...NO_ADJUSTMENTS, financeAprBps: 600 },
      }),
    );

    expect(quote.finance).toEqual({
      amountFinancedCents: 2_500_000,
      aprBps: 600,
      termMonths: 60,
      monthlyPaymentCents: 48_332,
      totalOfPaymentsCents: 2_899_920,
      financeChargeCents: 399_920,
    });
    expect(quote.monthlyPaymentCents).toBe(48_332);
  });

  it('finances the price, fees and tax less the down payment and trade equity, taxing the price less the equity', () => {
    const quote = quoteDeal(
      quoteInput({
        structure: structure({ downPaymentCents: 300_000, creditTier: 'good' }),
        trade: { valueCents: 800_000, payoffCents: 500_000 },
      }),
    );

    expect(QuoteSchema.parse(quote)).toEqual(quote);
    expect(quote).toMatchObject({
      kind: 'finance',
      sellingPriceCents: 3_000_000,
      fees: { documentationCents: 49_900, titleCents: 7_500, registrationCents: 15_000, acquisitionCents: 0 },
      tradeEquityCents: 300_000,
      salesTaxBps: 625,
      taxableCents: 2_700_000,
      taxCents: 168_750,
      downPaymentCents: 300_000,
      lease: null,
      dueAtSigningCents: 300_000,
      cashBackCents: 0,
      disclosure: 'Estimate only.',
    });
    // 3,000,000 + 72,400 fees + 168,750 tax − 300,000 down − 300,000 equity
    expect(quote.finance).toEqual({
      amountFinancedCents: 2_641_150,
      aprBps: 699,
      termMonths: 60,
      monthlyPaymentCents: 52_285,
      totalOfPaymentsCents: 3_137_100,
      financeChargeCents: 495_950,
    });
  });

  it('with zero down, nothing is due at signing and everything is financed', () => {
    const quote = quoteDeal(quoteInput());

    expect(quote.dueAtSigningCents).toBe(0);
    expect(quote.finance?.amountFinancedCents).toBe(3_000_000 + 72_400 + 187_500);
  });

  it('at 0 % APR charges nothing for the credit; the payment is the amount over the term', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 1_000_000, msrpCents: null },
        structure: structure({ termMonths: 72 }),
        adjustments: { ...NO_ADJUSTMENTS, financeAprBps: 0 },
      }),
    );

    expect(quote.finance).toEqual({
      amountFinancedCents: 1_134_900,
      aprBps: 0,
      termMonths: 72,
      monthlyPaymentCents: 15_763,
      totalOfPaymentsCents: 1_134_900,
      financeChargeCents: 0,
    });
  });

  it('adds negative equity to the amount financed and does not lower the tax with it', () => {
    const quote = quoteDeal(quoteInput({ trade: { valueCents: 500_000, payoffCents: 800_000 } }));

    expect(quote.tradeEquityCents).toBe(-300_000);
    expect(quote.taxableCents).toBe(3_000_000);
    expect(quote.taxCents).toBe(187_500);
    expect(quote.finance?.amountFinancedCents).toBe(3_000_000 + 72_400 + 187_500 + 300_000);
  });

  it('when the trade is worth more than the car, finances nothing and pays the excess back', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 1_000_000, msrpCents: null },
        structure: structure({ downPaymentCents: 100_000 }),
        trade: { valueCents: 1_500_000, payoffCents: 0 },
      }),
    );

    expect(quote.taxableCents).toBe(0);
    expect(quote.taxCents).toBe(0);
    expect(quote.finance).toMatchObject({
      amountFinancedCents: 0,
      monthlyPaymentCents: 0,
      totalOfPaymentsCents: 0,
      financeChargeCents: 0,
    });
    expect(quote.monthlyPaymentCents).toBe(0);
    // The $1,000 down is not needed: nothing is due, and only the trade's excess comes back.
    expect(quote.downPaymentCents).toBe(0);
    expect(quote.dueAtSigningCents).toBe(0);
    expect(quote.cashBackCents).toBe(1_500_000 - 1_072_400);
  });

  it('takes only the part of a down payment the deal still needs after the trade, and pays none of it back', () => {
    const quote = quoteDeal(
      quoteInput({
        structure: structure({ downPaymentCents: 3_500_000 }),
        trade: { valueCents: 800_000, payoffCents: 500_000 },
      }),
    );

    // Owed: $30,000 + $724 fees + $1,687.50 tax (6.25 % of $30,000 − $3,000 equity) = $32,411.50.
    // The $3,000 equity goes first; of the $35,000 down, only the $29,411.50 still owed is used.
    expect(quote).toMatchObject({
      taxCents: 168_750,
      downPaymentCents: 2_941_150,
      dueAtSigningCents: 2_941_150,
      cashBackCents: 0,
      monthlyPaymentCents: 0,
    });
    expect(quote.finance).toMatchObject({ amountFinancedCents: 0, totalOfPaymentsCents: 0 });
  });

  it('finances the chosen products at their price for the term, taxed only where the dealer taxes them', () => {
    const chosen = structure({
      products: [
        { productId: SERVICE_CONTRACT.id, termMonths: 60 },
        { productId: GAP.id, termMonths: 60 },
      ],
    });
    const untaxed = quoteDeal(quoteInput({ structure: chosen }));
    const taxed = quoteDeal(
      quoteInput({
        structure: chosen,
        terms: quoteTerms({ tax: { ...quoteTerms().tax, productsTaxable: true } }),
      }),
    );

    expect(untaxed.products).toEqual([
      {
        productId: SERVICE_CONTRACT.id,
        name: 'Vehicle service contract',
        kind: 'service-contract',
        termMonths: 60,
        priceCents: 240_000,
      },
      { productId: GAP.id, name: 'GAP protection', kind: 'gap', termMonths: 60, priceCents: 79_500 },
    ]);
    expect(untaxed.productsCents).toBe(319_500);
    expect(untaxed.taxableCents).toBe(3_000_000);
    expect(untaxed.finance?.amountFinancedCents).toBe(3_000_000 + 72_400 + 319_500 + 187_500);
    expect(taxed.taxableCents).toBe(3_319_500);
    expect(taxed.taxCents).toBe(207_469); // 6.25 % of 33,195.00 = 2,074.6875
  });

  it('taxes the fees where the dealer’s state does, and ignores the trade for tax where it does not reduce it', () => {
    const trade = { valueCents: 800_000, payoffCents: 500_000 };
    const feesTaxed = quoteDeal(
      quoteInput({ trade, terms: quoteTerms({ tax: { ...quoteTerms().tax, feesTaxable: true } }) }),
    );
    const tradeNotCredited = quoteDeal(
      quoteInput({ trade, terms: quoteTerms({ tax: { ...quoteTerms().tax, tradeReducesTaxable: false } }) }),
    );

    expect(feesTaxed.taxableCents).toBe(2_700_000 + 72_400);
    expect(feesTaxed.taxCents).toBe(173_275);
    expect(tradeNotCredited.taxableCents).toBe(3_000_000);
    expect(tradeNotCredited.taxCents).toBe(187_500);
  });

  it('takes the desk’s selling price, APR and trade value over the listed ones', () => {
    const quote = quoteDeal(
      quoteInput({
        trade: { valueCents: 800_000, payoffCents: 500_000 },
        adjustments: {
          sellingPriceCents: 2_800_000,
          financeAprBps: 399,
          leaseMoneyFactor: null,
          tradeValueCents: 900_000,
        },
      }),
    );

    expect(quote.sellingPriceCents).toBe(2_800_000);
    expect(quote.tradeValueCents).toBe(900_000);
    expect(quote.tradeEquityCents).toBe(400_000);
    expect(quote.taxCents).toBe(150_000);
    expect(quote.finance?.amountFinancedCents).toBe(2_800_000 + 72_400 + 150_000 - 400_000);
    expect(quote.finance?.aprBps).toBe(399);
  });

  it('uses the desk’s APR even for a tier the dealer has no rate for', () => {
    const quote = quoteDeal(
      quoteInput({
        structure: structure({ creditTier: 'rebuilding' }),
        adjustments: { ...NO_ADJUSTMENTS, financeAprBps: 1_499 },
      }),
    );

    expect(quote.finance?.aprBps).toBe(1_499);
  });

  it.each([
    ['a term under 24 months', { structure: structure({ termMonths: 12 }) }, 'structure.termMonths'],
    ['a term over 84 months', { structure: structure({ termMonths: 96 }) }, 'structure.termMonths'],
    ['a tier without rates', { structure: structure({ creditTier: 'fair' }) }, 'structure.creditTier'],
    [
      'a product the dealer does not offer',
      {
        structure: structure({
          products: [{ productId: '6f1c7c53-0000-4000-8000-000000000000', termMonths: 36 }],
        }),
      },
      'structure.products.0.productId',
    ],
    [
      'a coverage term the product does not have',
      { structure: structure({ products: [{ productId: GAP.id, termMonths: 36 }] }) },
      'structure.products.0.termMonths',
    ],
    [
      'a negative down payment',
      { structure: structure({ downPaymentCents: -1 }) },
      'structure.downPaymentCents',
    ],
    [
      'a price in fractions of a cent',
      { vehicle: { priceCents: 10.5, msrpCents: null } },
      'vehicle.priceCents',
    ],
  ])('refuses %s, naming the field', (_story, overrides, field) => {
    expect(() => quoteDeal(quoteInput(overrides))).toThrow(QuoteError);
    expect(() => quoteDeal(quoteInput(overrides))).toThrow(expect.objectContaining({ field }));
  });
});
