import { describe, expect, it } from 'vitest';
import { NO_ADJUSTMENTS, QuoteSchema } from '@showroom/contracts';
import { leasePayment, quoteDeal, QuoteError } from '../index';
import { quoteInput, quoteTerms, SERVICE_CONTRACT, structure } from '../test-support/quote-fixtures';

const lease = (overrides: Parameters<typeof structure>[0] = {}) =>
  structure({ kind: 'lease', termMonths: 36, creditTier: 'excellent', ...overrides });
const NO_ACQUISITION_FEE = quoteTerms({
  fees: {
    documentationCents: 49_900,
    titleCents: 7_500,
    registrationCents: 15_000,
    leaseAcquisitionCents: 0,
  },
});
const UPFRONT_TAX = quoteTerms({
  fees: NO_ACQUISITION_FEE.fees,
  tax: { ...quoteTerms().tax, leaseTax: 'upfront' },
});

describe('the lease payment', () => {
  it('is depreciation plus rent charge: $30,000 cap, $18,000 residual, MF 0.00125, 36 months is $393.33', () => {
    expect(
      leasePayment({
        adjustedCapCostCents: 3_000_000,
        residualCents: 1_800_000,
        moneyFactor: 0.00125,
        termMonths: 36,
        salesTaxBps: 0,
        leaseTax: 'monthly',
      }),
    ).toEqual({
      depreciationCents: 33_333,
      rentChargeCents: 6_000,
      basePaymentCents: 39_333,
      monthlyTaxCents: 0,
      monthlyPaymentCents: 39_333,
      upfrontTaxCents: 0,
    });
  });
});

describe('a lease quote', () => {
  it('capitalises the price, reduces it by the down payment and charges tax on each payment', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 3_000_000, msrpCents: 3_000_000 },
        structure: lease({ downPaymentCents: 200_000 }),
        terms: NO_ACQUISITION_FEE,
        adjustments: { ...NO_ADJUSTMENTS, sellingPriceCents: 2_800_000 },
      }),
    );

    expect(QuoteSchema.parse(quote)).toEqual(quote);
    expect(quote.lease).toEqual({
      termMonths: 36,
      grossCapCostCents: 2_800_000,
      capCostReductionCents: 200_000,
      adjustedCapCostCents: 2_600_000,
      residualBps: 6_000,
      residualCents: 1_800_000,
      moneyFactor: 0.0025,
      aprEquivalentBps: 600,
      depreciationCents: 22_222, // 800,000 / 36 = 22,222.22
      rentChargeCents: 11_000, // 4,400,000 × 0.0025
      basePaymentCents: 33_222,
      monthlyTaxCents: 2_076, // 6.25 % of 332.22 = 20.76375
      monthlyPaymentCents: 35_298,
      upfrontTaxCents: 0,
      totalOfPaymentsCents: 35_298 * 36,
    });
    expect(quote).toMatchObject({
      kind: 'lease',
      finance: null,
      taxCents: 0,
      monthlyPaymentCents: 35_298,
      // first payment + down + documentation, title and registration
      dueAtSigningCents: 35_298 + 200_000 + 72_400,
      cashBackCents: 0,
    });
  });

  it('where the state taxes leases up front, charges tax on all the payments at signing instead', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 3_000_000, msrpCents: 3_000_000 },
        structure: lease({ downPaymentCents: 200_000 }),
        terms: UPFRONT_TAX,
        adjustments: { ...NO_ADJUSTMENTS, sellingPriceCents: 2_800_000 },
      }),
    );

    expect(quote.lease).toMatchObject({
      basePaymentCents: 33_222,
      monthlyTaxCents: 0,
      monthlyPaymentCents: 33_222,
      upfrontTaxCents: 74_750, // 6.25 % of 33,222 × 36 = 1,195,992 → 74,749.5
    });
    expect(quote.dueAtSigningCents).toBe(33_222 + 200_000 + 72_400 + 74_750);
  });

  it('capitalises the acquisition fee, the products and negative equity; the residual is a share of the MSRP', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 3_000_000, msrpCents: 3_200_000 },
        structure: lease({
          creditTier: 'good',
          products: [{ productId: SERVICE_CONTRACT.id, termMonths: 36 }],
        }),
        trade: { valueCents: 500_000, payoffCents: 700_000 },
      }),
    );

    expect(quote.fees.acquisitionCents).toBe(69_500);
    expect(quote.lease).toMatchObject({
      grossCapCostCents: 3_000_000 + 69_500 + 180_000 + 200_000,
      capCostReductionCents: 0,
      residualCents: 1_920_000,
      moneyFactor: 0.00275,
      aprEquivalentBps: 660,
      depreciationCents: 42_486, // 1,529,500 / 36 = 42,486.11
      rentChargeCents: 14_766, // 5,369,500 × 0.00275 = 14,766.125
      basePaymentCents: 57_252,
      monthlyTaxCents: 3_578,
      monthlyPaymentCents: 60_830,
    });
    expect(quote.dueAtSigningCents).toBe(60_830 + 72_400);
  });

  it('takes the residual from the listed price when there is no MSRP, whatever discount the desk gives', () => {
    const quote = quoteDeal(
      quoteInput({
        structure: lease(),
        adjustments: { ...NO_ADJUSTMENTS, sellingPriceCents: 2_700_000, leaseMoneyFactor: 0.00125 },
      }),
    );

    expect(quote.lease?.residualCents).toBe(1_800_000);
    expect(quote.lease?.moneyFactor).toBe(0.00125);
    expect(quote.lease?.aprEquivalentBps).toBe(300);
  });

  it('reduces the cap cost by a large trade only down to the residual, and pays the rest back', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 2_000_000, msrpCents: null },
        structure: lease({ creditTier: 'good' }),
        trade: { valueCents: 1_500_000, payoffCents: 0 },
      }),
    );

    expect(quote.lease).toMatchObject({
      grossCapCostCents: 2_069_500,
      capCostReductionCents: 869_500,
      adjustedCapCostCents: 1_200_000,
      residualCents: 1_200_000,
      depreciationCents: 0,
      rentChargeCents: 6_600,
    });
    expect(quote.cashBackCents).toBe(630_500);
  });

  it('uses the trade first and only the part of the down payment that fits above the residual', () => {
    const quote = quoteDeal(
      quoteInput({
        vehicle: { priceCents: 3_000_000, msrpCents: 3_000_000 },
        structure: lease({ downPaymentCents: 1_500_000 }),
        trade: { valueCents: 500_000, payoffCents: 0 },
        terms: NO_ACQUISITION_FEE,
      }),
    );

    // Gross cap $30,000, residual 60 % = $18,000: at most $12,000 can reduce the cap cost.
    // The $5,000 equity goes first, then $7,000 of the $15,000 down; the other $8,000 is not taken.
    expect(quote.lease).toMatchObject({
      grossCapCostCents: 3_000_000,
      residualCents: 1_800_000,
      capCostReductionCents: 1_200_000,
      adjustedCapCostCents: 1_800_000,
      depreciationCents: 0,
      rentChargeCents: 9_000, // $36,000 × 0.0025
      monthlyTaxCents: 563, // 6.25 % of $90.00 = 5.625
      monthlyPaymentCents: 9_563,
    });
    expect(quote).toMatchObject({
      downPaymentCents: 700_000,
      // first payment + the $7,000 used + documentation, title and registration
      dueAtSigningCents: 9_563 + 700_000 + 72_400,
      cashBackCents: 0,
    });
  });

  it('refuses a term the dealer has no residual for, naming the term', () => {
    const error = captureQuoteError(() => quoteDeal(quoteInput({ structure: lease({ termMonths: 39 }) })));

    expect(error.field).toBe('structure.termMonths');
    expect(error.message).toBe('The dealership leases for 36, 48 months, not 39.');
  });

  it('refuses any lease when the dealer has no residuals', () => {
    const error = captureQuoteError(() =>
      quoteDeal(quoteInput({ structure: lease(), terms: quoteTerms({ leaseResiduals: [] }) })),
    );

    expect(error.message).toBe('The dealership does not offer leases.');
  });

  it('refuses a selling price below the residual, naming the price the desk set', () => {
    const error = captureQuoteError(() =>
      quoteDeal(
        quoteInput({
          vehicle: { priceCents: 3_000_000, msrpCents: 3_200_000 },
          structure: lease(),
          adjustments: { ...NO_ADJUSTMENTS, sellingPriceCents: 1_500_000 },
        }),
      ),
    );

    expect(error.field).toBe('adjustments.sellingPriceCents');
  });
});

function captureQuoteError(run: () => unknown): QuoteError {
  try {
    run();
  } catch (error) {
    if (error instanceof QuoteError) return error;
    throw error;
  }
  throw new Error('expected a QuoteError');
}
