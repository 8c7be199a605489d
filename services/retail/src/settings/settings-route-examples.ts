import { randomUUID } from 'node:crypto';
import type { ProtectionProductInput } from '@showroom/contracts';
import type { RouteExample } from '@showroom/server-testing/matrix';
import type { RetailTestContext } from '../test/retail-test-app';
import { DEFAULT_RETAIL_SETTINGS } from './defaults';
import { ProductRepository } from './product-repository';

/** A product as a manager enters it. */
export const EXAMPLE_PRODUCT: ProtectionProductInput = {
  kind: 'maintenance',
  name: 'Prepaid maintenance',
  description: 'Oil changes and tyre rotations.',
  options: [{ termMonths: 36, priceCents: 84_500 }],
  active: true,
};

/** A product of the dealership, stored as the portal would have added it. */
async function productOf(ctx: RetailTestContext, dealershipId: string): Promise<string> {
  const id = randomUUID();
  await new ProductRepository(ctx.database.writer).insert(dealershipId, id, EXAMPLE_PRODUCT);
  return id;
}

/** A valid request of each settings route, for the route matrix (src/route-matrix.test.ts). */
export const settingsRouteExamples: Record<string, RouteExample<RetailTestContext>> = {
  getRetailSettings: { request: () => ({}) },
  // A dealership that never saved any is at version 1 (the defaults).
  updateRetailSettings: {
    request: () => ({ body: DEFAULT_RETAIL_SETTINGS, headers: { 'If-Match': '"v1"' } }),
  },
  listProtectionProducts: { request: () => ({}) },
  createProtectionProduct: { request: () => ({ body: EXAMPLE_PRODUCT }) },
  updateProtectionProduct: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({
      params: { productId: await productOf(ctx, dealershipId) },
      body: { ...EXAMPLE_PRODUCT, active: false },
    }),
  },
  deleteProtectionProduct: {
    namesRecord: true,
    request: async (ctx, dealershipId) => ({ params: { productId: await productOf(ctx, dealershipId) } }),
  },
  getValuationGrid: { request: () => ({}) },
  replaceValuationGrid: {
    request: () => ({
      body: {
        rows: [
          {
            make: 'Honda',
            model: 'Civic',
            yearFrom: 2020,
            yearTo: 2024,
            maxMileage: 80_000,
            lowCents: 1_400_000,
            highCents: 1_800_000,
          },
        ],
      },
    }),
  },
};
