import { describe, expect, it } from 'vitest';
import {
  LEASE_TERMS,
  PRODUCT_KINDS,
  ProtectionProductInputSchema,
  RetailSettingsUpdateSchema,
  ValuationGridSchema,
  type ValuationGridRow,
} from '@showroom/contracts';
import {
  ALL_DEMO_DEALERSHIPS,
  DEMO_DEALERSHIPS,
  generateDemoVehicles,
  seedFromText,
} from '@showroom/demo-data';
import { quoteDeal } from '@showroom/retail-payments';
import { z } from 'zod';
import { DEFAULT_RETAIL_SETTINGS } from '../settings/defaults';
import { DEMO_PRODUCTS, demoProductId } from './demo-products';
import { DEMO_RETAIL_SETTINGS } from './demo-settings';
import { demoModelLines, demoValuationGrid } from './demo-valuation-grid';

const YEAR = 2026;
/** As the inventory seed generates each demo rooftop's cars (services/inventory/src/demo). */
const demoInventory = (slug: string, index: number) =>
  generateDemoVehicles({
    count: 60,
    seed: seedFromText(slug),
    currentYear: YEAR,
    serialOffset: index * 10_000,
  });

const covers = (row: ValuationGridRow, car: { make: string; model: string; year: number; mileage: number }) =>
  row.make === car.make &&
  (row.model === null || row.model === car.model) &&
  row.yearFrom <= car.year &&
  car.year <= row.yearTo &&
  car.mileage <= row.maxMileage;

describe('the demo retail data', () => {
  it('gives every demo rooftop settings the portal would accept, and so are the defaults', () => {
    expect(RetailSettingsUpdateSchema.parse(DEFAULT_RETAIL_SETTINGS)).toEqual(DEFAULT_RETAIL_SETTINGS);
    for (const dealership of ALL_DEMO_DEALERSHIPS) {
      const settings = DEMO_RETAIL_SETTINGS[dealership.id];
      expect(settings, dealership.name).toBeDefined();
      expect(RetailSettingsUpdateSchema.parse(settings)).toEqual(settings);
    }
  });

  it('offers the four kinds of protection product, each with valid terms and an id that stays the same', () => {
    expect(DEMO_PRODUCTS.map((product) => product.kind).sort()).toEqual([...PRODUCT_KINDS].sort());
    for (const product of DEMO_PRODUCTS) expect(ProtectionProductInputSchema.parse(product)).toEqual(product);
    const [downtown, rival] = [DEMO_DEALERSHIPS.downtown.id, DEMO_DEALERSHIPS.rival.id];
    const id = demoProductId(downtown, 'gap');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(demoProductId(downtown, 'gap')).toBe(id);
    expect(demoProductId(rival, 'gap')).not.toBe(id);
    expect(demoProductId(downtown, 'maintenance')).not.toBe(id);
  });

  it('has a valuation grid row for every car of every demo inventory, and model rows for every model line', () => {
    const grid = demoValuationGrid(YEAR);
    expect(ValuationGridSchema.parse({ rows: grid }).rows).toEqual(grid);
    for (const [index, dealership] of ALL_DEMO_DEALERSHIPS.entries()) {
      for (const car of demoInventory(dealership.slug, index)) {
        expect(
          grid.some((row) => covers(row, car)),
          `${car.year} ${car.make} ${car.model}, ${car.mileage} mi`,
        ).toBe(true);
      }
    }
    for (const line of demoModelLines(YEAR)) {
      expect(grid.filter((row) => row.make === line.make && row.model === line.model)).toHaveLength(2);
    }
  });

  it('quotes a demo car at every lease term and every finance tier with each rooftop’s settings', () => {
    const car = demoInventory(DEMO_DEALERSHIPS.downtown.slug, 0).find((c) => c.condition === 'new');
    if (!car?.priceCents) throw new Error('the demo inventory has no priced new car');
    for (const dealership of ALL_DEMO_DEALERSHIPS) {
      const settings = DEMO_RETAIL_SETTINGS[dealership.id] ?? DEFAULT_RETAIL_SETTINGS;
      const terms = {
        ...settings,
        products: DEMO_PRODUCTS.map((product) => ({
          ...product,
          id: demoProductId(dealership.id, product.kind),
        })),
        disclosure: 'Estimate only.',
      };
      const vehicle = { priceCents: car.priceCents, msrpCents: car.msrpCents ?? null };
      for (const termMonths of LEASE_TERMS) {
        const quote = quoteDeal({
          vehicle,
          structure: {
            kind: 'lease',
            downPaymentCents: 200_000,
            termMonths,
            creditTier: 'good',
            products: [],
          },
          trade: null,
          terms,
        });
        expect(quote.monthlyPaymentCents).toBeGreaterThan(0);
      }
      for (const tier of settings.creditTiers) {
        const quote = quoteDeal({
          vehicle,
          structure: {
            kind: 'finance',
            downPaymentCents: 0,
            termMonths: 72,
            creditTier: tier.tier,
            products: [],
          },
          trade: null,
          terms,
        });
        expect(quote.finance?.aprBps).toBe(tier.financeAprBps);
      }
    }
  });
});
