import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEALERSHIP_HEADER, type Quote, type RetailTerms, type ValuationGrid } from '@showroom/contracts';
import { ALL_DEMO_DEALERSHIPS, DEMO_DEALERSHIPS, DEMO_USERS } from '@showroom/demo-data';
import { retailAppOnDemo } from '../test/retail-test-app';
import { DEMO_PRODUCTS, demoProductId } from './demo-products';
import { seedRetailDemo } from './seed-retail-demo';

const ctx = retailAppOnDemo();
const downtown = DEMO_DEALERSHIPS.downtown;

async function asDemoManager() {
  const token = await ctx.tokenFor(DEMO_USERS.manager, 'manager', downtown.id);
  return (method: 'get' | 'put', path: string) =>
    request(ctx.app)
      [method](`/api/retail${path}`)
      .auth(token, { type: 'bearer' })
      .set(DEALERSHIP_HEADER, downtown.id);
}

describe('the retail demo data', () => {
  it('when the seed runs, then each demo rooftop quotes with its state’s rules, its product menu and a valuation grid', async () => {
    await seedRetailDemo(ctx.database.writer);

    const terms = (
      await request(ctx.app).get(`/api/retail/public/dealerships/${downtown.id}/terms`).expect(200)
    ).body as RetailTerms;
    expect(terms.tax).toMatchObject({ salesTaxBps: 750, leaseTax: 'upfront' });
    expect(terms.products.map((product) => product.id)).toEqual(
      DEMO_PRODUCTS.map((product) => demoProductId(downtown.id, product.kind)),
    );
    const rival = (
      await request(ctx.app)
        .get(`/api/retail/public/dealerships/${DEMO_DEALERSHIPS.rival.id}/terms`)
        .expect(200)
    ).body as RetailTerms;
    expect(rival.tax.leaseTax).toBe('monthly');

    const car = ctx.peers.vehicles.get(downtown.id)?.[0];
    if (!car) throw new Error('the stand-in has no demo car');
    const gap = demoProductId(downtown.id, 'gap');
    const quote = (
      await request(ctx.app)
        .post(`/api/retail/public/dealerships/${downtown.id}/quotes`)
        .send({
          vehicleId: car.id,
          structure: {
            kind: 'lease',
            downPaymentCents: 200_000,
            termMonths: 39,
            creditTier: 'good',
            products: [{ productId: gap, termMonths: 36 }],
          },
          trade: null,
        })
        .expect(200)
    ).body as Quote;
    expect(quote.lease?.upfrontTaxCents).toBeGreaterThan(0);

    const grid = (await (await asDemoManager())('get', '/valuation-grid').expect(200)).body as ValuationGrid;
    expect(grid.rows.length).toBeGreaterThan(20);
  });

  it('when the seed runs again, then it adds nothing and keeps what the dealer changed', async () => {
    await seedRetailDemo(ctx.database.writer);
    const call = await asDemoManager();
    const read = await call('get', '/settings').expect(200);
    await call('put', '/settings')
      .set('If-Match', read.headers['etag'] as string)
      .send({ ...read.body, version: undefined, updatedAt: undefined, creditApplicationRetentionDays: 45 })
      .expect(200);
    await call('put', '/valuation-grid')
      .send({
        rows: [
          {
            make: 'Honda',
            model: null,
            yearFrom: 2015,
            yearTo: 2026,
            maxMileage: 150_000,
            lowCents: 500_000,
            highCents: 900_000,
          },
        ],
      })
      .expect(200);

    await seedRetailDemo(ctx.database.writer);

    expect((await call('get', '/settings')).body).toMatchObject({ creditApplicationRetentionDays: 45 });
    expect((await call('get', '/valuation-grid')).body.rows).toHaveLength(1);
    for (const dealership of ALL_DEMO_DEALERSHIPS) {
      const token = await ctx.tokenFor(DEMO_USERS.owner, 'owner', dealership.id);
      const products = await request(ctx.app)
        .get('/api/retail/products')
        .auth(token, { type: 'bearer' })
        .set(DEALERSHIP_HEADER, dealership.id)
        .expect(200);
      expect(products.body.items, dealership.name).toHaveLength(DEMO_PRODUCTS.length);
    }
  });
});
