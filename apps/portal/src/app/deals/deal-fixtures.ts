import type {
  CreditApplicationSummary,
  CreditApplicationView,
  DealDesk,
  DealStructure,
  DealSummary,
  DealTradeIn,
  Offer,
  Reservation,
  RetailSettings,
  RetailTerms,
  ValuationGrid,
} from '@showroom/contracts';
import { quoteDeal } from '@showroom/retail-payments';
import { NORTH } from '../../testing/fixtures';

/**
 * Test data for the deal screens and the retail settings. Quotes are computed with the payments
 * library from these terms, as the service does. No test framework here, so the app's type-check accepts it.
 */

export const DEAL_ID = '4b0c7f0e-2f5b-4d7e-9a51-8f3c2d1e0a11';
export const VEHICLE_ID = '0b6f9a52-47a4-4c0e-9e3f-6b1f5f1a9c10';
export const LEAD_ID = '9d1e2f3a-4b5c-4d6e-8f70-112233445566';
export const GAP_ID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
export const SERVICE_CONTRACT_ID = '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e';
export const TRADE_IN_ID = '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
export const PHOTO_ID = '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a';

export function retailTerms(overrides: Partial<RetailTerms> = {}): RetailTerms {
  return {
    dealershipId: NORTH,
    currency: 'USD',
    fees: {
      documentationCents: 19_900,
      titleCents: 3_300,
      registrationCents: 15_000,
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
      { tier: 'excellent', label: 'Excellent (720+)', financeAprBps: 549, leaseMoneyFactor: 0.00125 },
      { tier: 'good', label: 'Good (660–719)', financeAprBps: 749, leaseMoneyFactor: 0.0018 },
    ],
    leaseResiduals: [
      { termMonths: 36, residualBps: 5_800 },
      { termMonths: 48, residualBps: 5_000 },
    ],
    products: [
      {
        id: GAP_ID,
        kind: 'gap',
        name: 'GAP protection',
        description: 'Covers the gap between the loan and the car’s value.',
        options: [{ termMonths: 60, priceCents: 79_500 }],
        active: true,
      },
      {
        id: SERVICE_CONTRACT_ID,
        kind: 'service-contract',
        name: 'Powertrain care',
        description: '',
        options: [
          { termMonths: 36, priceCents: 149_500 },
          { termMonths: 60, priceCents: 219_500 },
        ],
        active: true,
      },
    ],
    reservation: { depositCents: 50_000, holdHours: 48 },
    disclosure: 'Estimate only, not an offer of credit.',
    ...overrides,
  };
}

export const DEAL_VEHICLE = {
  vehicleId: VEHICLE_ID,
  vin: '1HGCV1F33LA000001',
  stockNumber: 'U1042',
  year: 2022,
  make: 'Honda',
  model: 'Accord',
  trim: 'Sport',
  condition: 'used',
  priceCents: 2_599_900,
  msrpCents: 3_100_000,
  photoUrl: null,
};

export function structure(overrides: Partial<DealStructure> = {}): DealStructure {
  return {
    kind: 'finance',
    downPaymentCents: 300_000,
    termMonths: 60,
    creditTier: 'excellent',
    products: [],
    ...overrides,
  };
}

export function tradeIn(overrides: Partial<DealTradeIn> = {}): DealTradeIn {
  return {
    id: TRADE_IN_ID,
    vin: null,
    year: 2016,
    make: 'Toyota',
    model: 'Corolla',
    trim: null,
    mileage: 98_000,
    condition: { overall: 'good', accidents: false, mechanicalIssues: false, warningLights: true, keys: 2 },
    payoffCents: 200_000,
    lender: 'Credit Union',
    photos: [{ id: PHOTO_ID, url: `/api/retail/deals/${DEAL_ID}/trade-in/photos/${PHOTO_ID}` }],
    estimate: { lowCents: 700_000, highCents: 850_000 },
    appraisal: null,
    status: 'estimated',
    valueCents: 700_000,
    ...overrides,
  };
}

export function offer(
  version: number,
  by: Offer['by'],
  dealStructure = structure(),
  overrides: Partial<Offer> = {},
  terms = retailTerms(),
  trade: DealTradeIn | null = null,
): Offer {
  const adjustments = overrides.adjustments ?? {
    sellingPriceCents: null,
    financeAprBps: null,
    leaseMoneyFactor: null,
    tradeValueCents: null,
  };
  return {
    version,
    by,
    structure: dealStructure,
    adjustments,
    quote: quoteDeal({
      vehicle: { priceCents: DEAL_VEHICLE.priceCents, msrpCents: DEAL_VEHICLE.msrpCents },
      structure: dealStructure,
      trade: trade ? { valueCents: trade.valueCents, payoffCents: trade.payoffCents } : null,
      terms,
      adjustments,
    }),
    message: null,
    author: by === 'dealer' ? 'Dana Whitfield' : null,
    createdAt: '2026-12-06T10:00:00.000Z',
    acceptedAt: null,
    ...overrides,
  };
}

export function creditSummary(overrides: Partial<CreditApplicationSummary> = {}): CreditApplicationSummary {
  return {
    status: 'received',
    applicants: 1,
    submittedAt: '2026-12-06T10:05:00.000Z',
    consentVersion: '2026-12-06',
    deleteAfter: '2027-03-06T10:05:00.000Z',
    ...overrides,
  };
}

export function reservation(overrides: Partial<Reservation> = {}): Reservation {
  return {
    id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
    status: 'held',
    depositCents: 50_000,
    paidAt: '2026-12-06T10:10:00.000Z',
    heldUntil: '2026-12-08T10:10:00.000Z',
    ...overrides,
  };
}

export function dealDesk(overrides: Partial<DealDesk> = {}): DealDesk {
  const trade = overrides.tradeIn === undefined ? null : overrides.tradeIn;
  return {
    id: DEAL_ID,
    status: 'submitted',
    vehicle: DEAL_VEHICLE,
    shopper: { firstName: 'Ana', lastName: 'Ruiz', email: 'ana@example.com', phone: '(512) 555-0100' },
    offers: [offer(1, 'shopper', structure(), {}, retailTerms(), trade)],
    tradeIn: trade,
    creditApplication: null,
    reservation: null,
    terms: retailTerms(),
    leadId: LEAD_ID,
    assigneeId: 'auth0|dana',
    activity: [
      { at: '2026-12-06T10:00:00.000Z', actor: 'Shopper', kind: 'started', text: 'Started a finance deal' },
      { at: '2026-12-06T10:20:00.000Z', actor: 'Shopper', kind: 'submitted', text: 'Sent the deal' },
    ],
    submittedAt: '2026-12-06T10:20:00.000Z',
    createdAt: '2026-12-06T10:00:00.000Z',
    updatedAt: '2026-12-06T10:20:00.000Z',
    version: 4,
    ...overrides,
  };
}

export function dealSummary(overrides: Partial<DealSummary> = {}): DealSummary {
  return {
    id: DEAL_ID,
    status: 'submitted',
    shopperName: 'Ana Ruiz',
    vehicle: DEAL_VEHICLE,
    kind: 'finance',
    monthlyPaymentCents: 44_321,
    dueAtSigningCents: 300_000,
    tradeStatus: null,
    creditApplicationStatus: null,
    reservationStatus: null,
    leadId: LEAD_ID,
    assigneeId: 'auth0|dana',
    submittedAt: '2026-12-06T10:20:00.000Z',
    updatedAt: '2026-12-06T10:20:00.000Z',
    ...overrides,
  };
}

export function creditView(): CreditApplicationView {
  const applicant = {
    firstName: 'Ana',
    lastName: 'Ruiz',
    ssn: '123456789',
    dateOfBirth: '1990-04-12',
    email: 'ana@example.com',
    phone: '(512) 555-0100',
    residence: {
      street: '12 Elm Street',
      city: 'Austin',
      region: 'TX',
      postalCode: '78701',
      housing: 'rent' as const,
      monthlyHousingCents: 150_000,
      yearsAtAddress: 3,
    },
    employment: {
      status: 'employed' as const,
      employer: 'Acme Corp',
      title: 'Engineer',
      yearsEmployed: 5,
      grossMonthlyIncomeCents: 650_000,
    },
  };
  return {
    ...creditSummary(),
    applicant,
    coApplicant: null,
    consentText: 'By submitting this application I authorise…',
    consentedAt: '2026-12-06T10:05:00.000Z',
  };
}

export function retailSettings(overrides: Partial<RetailSettings> = {}): RetailSettings {
  const terms = retailTerms();
  return {
    fees: terms.fees,
    tax: terms.tax,
    creditTiers: terms.creditTiers,
    leaseResiduals: terms.leaseResiduals,
    reservation: terms.reservation,
    creditApplicationRetentionDays: 90,
    version: 7,
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

export function valuationGrid(): ValuationGrid {
  return {
    rows: [
      {
        make: 'Toyota',
        model: 'Corolla',
        yearFrom: 2014,
        yearTo: 2018,
        maxMileage: 120_000,
        lowCents: 700_000,
        highCents: 900_000,
      },
      {
        make: 'Honda',
        model: null,
        yearFrom: 2015,
        yearTo: 2020,
        maxMileage: 100_000,
        lowCents: 900_000,
        highCents: 1_300_000,
      },
    ],
  };
}
