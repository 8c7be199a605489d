import type { RetailSettingsUpdate } from '@showroom/contracts';
import { DEMO_DEALERSHIPS } from '@showroom/demo-data';
import { DEFAULT_RETAIL_SETTINGS } from '../settings/defaults';

/**
 * The demo rooftops' retail settings, after their states: Ohio taxes a lease up front on the sum
 * of its payments and caps documentation fees; Indiana taxes each lease payment and does not cap
 * the fee. So the demo shows both lease tax rules.
 */
const OHIO: RetailSettingsUpdate = {
  ...DEFAULT_RETAIL_SETTINGS,
  fees: {
    documentationCents: 38_700,
    titleCents: 1_500,
    registrationCents: 3_450,
    leaseAcquisitionCents: 69_500,
  },
  tax: {
    salesTaxBps: 750,
    tradeReducesTaxable: true,
    feesTaxable: false,
    productsTaxable: true,
    leaseTax: 'upfront',
  },
};

const INDIANA: RetailSettingsUpdate = {
  ...DEFAULT_RETAIL_SETTINGS,
  fees: {
    documentationCents: 24_900,
    titleCents: 1_500,
    registrationCents: 2_100,
    leaseAcquisitionCents: 65_000,
  },
  tax: {
    salesTaxBps: 700,
    tradeReducesTaxable: true,
    feesTaxable: true,
    productsTaxable: false,
    leaseTax: 'monthly',
  },
  reservation: { depositCents: 25_000, holdHours: 24 },
};

export const DEMO_RETAIL_SETTINGS: Record<string, RetailSettingsUpdate> = {
  [DEMO_DEALERSHIPS.downtown.id]: OHIO,
  [DEMO_DEALERSHIPS.northside.id]: { ...OHIO, tax: { ...OHIO.tax, salesTaxBps: 725 } },
  [DEMO_DEALERSHIPS.rival.id]: INDIANA,
};
