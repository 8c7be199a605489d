import type { DealStructure, ProtectionProduct } from '@showroom/contracts';
import type { QuoteInput, QuoteTerms } from '../index';

export const SERVICE_CONTRACT: ProtectionProduct = {
  id: '0b7f2f5e-52c4-4c53-9a55-1f0d8d6f3a01',
  kind: 'service-contract',
  name: 'Vehicle service contract',
  description: 'Repairs of the engine, transmission and drivetrain.',
  options: [
    { termMonths: 36, priceCents: 180_000 },
    { termMonths: 60, priceCents: 240_000 },
  ],
  active: true,
};

export const GAP: ProtectionProduct = {
  id: '0b7f2f5e-52c4-4c53-9a55-1f0d8d6f3a02',
  kind: 'gap',
  name: 'GAP protection',
  description: 'Pays the difference between the loan and the insurer’s value after a total loss.',
  options: [{ termMonths: 60, priceCents: 79_500 }],
  active: true,
};

/** Doc $499, title $75, registration $150, acquisition $695; 6.25 % tax, trade equity reduces it. */
export function quoteTerms(overrides: Partial<QuoteTerms> = {}): QuoteTerms {
  return {
    fees: {
      documentationCents: 49_900,
      titleCents: 7_500,
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
      { tier: 'excellent', label: 'Excellent (720+)', financeAprBps: 599, leaseMoneyFactor: 0.0025 },
      { tier: 'good', label: 'Good (660–719)', financeAprBps: 699, leaseMoneyFactor: 0.00275 },
    ],
    leaseResiduals: [
      { termMonths: 36, residualBps: 6_000 },
      { termMonths: 48, residualBps: 5_000 },
    ],
    products: [SERVICE_CONTRACT, GAP],
    disclosure: 'Estimate only.',
    ...overrides,
  };
}

export function structure(overrides: Partial<DealStructure> = {}): DealStructure {
  return {
    kind: 'finance',
    downPaymentCents: 0,
    termMonths: 60,
    creditTier: 'good',
    products: [],
    ...overrides,
  };
}

export function quoteInput(overrides: Partial<QuoteInput> = {}): QuoteInput {
  return {
    vehicle: { priceCents: 3_000_000, msrpCents: null },
    structure: structure(),
    trade: null,
    terms: quoteTerms(),
    ...overrides,
  };
}
