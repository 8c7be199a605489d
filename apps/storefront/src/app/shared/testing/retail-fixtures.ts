import type { Offer, Quote, RetailTerms, ShopperDeal } from '@showroom/contracts';
import { quoteDeal } from '@showroom/retail-payments';
import { DEALERSHIP_ID, VEHICLE_ID } from './fixtures';

// Retail test data for the storefront's specs (imported by *.spec.ts only, so never bundled).

export const DEAL_ID = '7e57d3a1-0c1b-4e8f-9a2d-3b4c5d6e7f80';
export const ACCESS_TOKEN = 'deal-access-token-0123456789abcdef';
export const GAP_ID = '3a0f5c8e-2b1d-4c6e-8f7a-9b0c1d2e3f41';
export const SERVICE_ID = '4b1a6d9f-3c2e-4d7f-9a8b-0c1d2e3f4a52';

export function retailTerms(overrides: Partial<RetailTerms> = {}): RetailTerms {
  return {
    dealershipId: DEALERSHIP_ID,
    currency: 'USD',
    fees: {
      documentationCents: 19_900,
      titleCents: 3_300,
      registrationCents: 7_500,
      leaseAcquisitionCents: 69_500,
    },
    tax: {
      salesTaxBps: 625,
      tradeReducesTaxable: true,
      feesTaxable: false,
      productsTaxable: false,
      leaseTax: 'monthly',
    },
    creditTiers: [
      { tier: 'excellent', label: 'Excellent (720+)', financeAprBps: 599, leaseMoneyFactor: 0.00125 },
      { tier: 'good', label: 'Good (660–719)', financeAprBps: 799, leaseMoneyFactor: 0.0019 },
      { tier: 'fair', label: 'Fair (600–659)', financeAprBps: 1199, leaseMoneyFactor: 0.0028 },
    ],
    leaseResiduals: [
      { termMonths: 36, residualBps: 5_800 },
      { termMonths: 24, residualBps: 6_600 },
    ],
    products: [
      {
        id: GAP_ID,
        kind: 'gap',
        name: 'GAP protection',
        description: 'Pays the difference if the car is totalled.',
        options: [
          { termMonths: 60, priceCents: 79_500 },
          { termMonths: 72, priceCents: 89_500 },
        ],
        active: true,
      },
      {
        id: SERVICE_ID,
        kind: 'service-contract',
        name: 'Extended service contract',
        description: '',
        options: [{ termMonths: 48, priceCents: 189_900 }],
        active: true,
      },
    ],
    reservation: { depositCents: 50_000, holdHours: 48 },
    disclosure: 'Estimate only, not an offer of credit. (Demo Motors)',
    ...overrides,
  };
}

export function offer(overrides: Partial<Offer> = {}): Offer {
  const structure = overrides.structure ?? {
    kind: 'finance' as const,
    downPaymentCents: 250_000,
    termMonths: 60,
    creditTier: 'good' as const,
    products: [],
  };
  const adjustments = overrides.adjustments ?? {
    sellingPriceCents: null,
    financeAprBps: null,
    leaseMoneyFactor: null,
    tradeValueCents: null,
  };
  const quote: Quote = quoteDeal({
    vehicle: { priceCents: 2_499_900, msrpCents: null },
    structure,
    trade: null,
    terms: retailTerms(),
    adjustments,
  });
  return {
    version: 1,
    by: 'shopper',
    structure,
    adjustments,
    quote,
    message: null,
    author: null,
    createdAt: '2026-12-06T15:00:00.000Z',
    acceptedAt: null,
    ...overrides,
  };
}

export function shopperDeal(overrides: Partial<ShopperDeal> = {}): ShopperDeal {
  return {
    id: DEAL_ID,
    dealershipId: DEALERSHIP_ID,
    status: 'draft',
    vehicle: {
      vehicleId: VEHICLE_ID,
      vin: '4T1G11AK5MU123456',
      stockNumber: 'U1042',
      year: 2021,
      make: 'Toyota',
      model: 'Camry',
      trim: 'SE',
      condition: 'used',
      priceCents: 2_499_900,
      msrpCents: null,
      photoUrl: 'http://localhost:4200/media/camry-1-thumbnail.jpg',
    },
    shopperFirstName: 'Dana',
    offer: offer(),
    tradeIn: null,
    creditApplication: null,
    reservation: null,
    submittedAt: null,
    updatedAt: '2026-12-06T15:00:00.000Z',
    ...overrides,
  };
}
