import type { RetailSettingsUpdate } from '@showroom/contracts';

/**
 * A dealership's retail settings until someone saves its own: typical US figures (a documentation
 * fee under most states' caps, title and registration in the usual range, the four credit tiers
 * lenders price by, the residuals of a mainstream car). The dealer sets its state's real tax rules
 * in the portal; until then the website quotes with these.
 */
export const DEFAULT_RETAIL_SETTINGS: RetailSettingsUpdate = {
  fees: {
    documentationCents: 39_900,
    titleCents: 7_500,
    registrationCents: 20_000,
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
    { tier: 'excellent', label: 'Excellent (720+)', financeAprBps: 549, leaseMoneyFactor: 0.0021 },
    { tier: 'good', label: 'Good (660–719)', financeAprBps: 749, leaseMoneyFactor: 0.0029 },
    { tier: 'fair', label: 'Fair (600–659)', financeAprBps: 1_149, leaseMoneyFactor: 0.0042 },
    { tier: 'rebuilding', label: 'Rebuilding (below 600)', financeAprBps: 1_699, leaseMoneyFactor: 0.0063 },
  ],
  leaseResiduals: [
    { termMonths: 24, residualBps: 6_400 },
    { termMonths: 36, residualBps: 5_800 },
    { termMonths: 39, residualBps: 5_600 },
    { termMonths: 48, residualBps: 4_900 },
  ],
  reservation: { depositCents: 50_000, holdHours: 48 },
  creditApplicationRetentionDays: 30,
};
