import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  DEALERSHIP_HEADER,
  PAYMENT_ESTIMATE_DISCLOSURE,
  type DealStructure,
  type ProtectionProduct,
  type Quote,
  type QuoteRequest,
  type RetailTerms,
} from '@showroom/contracts';
import { quoteDeal } from '@showroom/retail-payments';
import { DEFAULT_RETAIL_SETTINGS } from '../settings/defaults';
import { retailAppOnDemo } from '../test/retail-test-app';

const ctx = retailAppOnDemo();
const site = (dealershipId: string) => `/api/retail/public/dealerships/${dealershipId}`;

const FINANCE: DealStructure = {
  kind: 'finance',
  downPaymentCents: 300_000,
  termMonths: 60,
  creditTier: 'good',
  products: [],
};
const LEASE: DealStructure = {
  kind: 'lease',
  downPaymentCents: 150_000,
  termMonths: 36,
  creditTier: 'excellent',
  products: [],
};

/** A dealership of its own with a car on its website. */
function dealershipWithCar() {
  const storefront = ctx.newDealership();
  const vehicle = ctx.peers.addVehicle(storefront.dealershipId, {
    priceCents: 3_124_900,
    msrpCents: 3_310_000,
  });
  const origin = storefront.siteOrigins[0] as string;
  const fromSite = {
    terms: () =>
      request(ctx.app)
        .get(`${site(storefront.dealershipId)}/terms`)
        .set('Origin', origin),
    quote: (body: unknown) =>
      request(ctx.app)
        .post(`${site(storefront.dealershipId)}/quotes`)
        .set('Origin', origin)
        .send(body as object),
  };
  return { storefront, vehicle, origin, fromSite };
}

async function addProduct(dealershipId: string): Promise<ProtectionProduct> {
  const { token } = await ctx.member('manager', dealershipId);
  const response = await request(ctx.app)
    .post('/api/retail/products')
    .auth(token, { type: 'bearer' })
    .set(DEALERSHIP_HEADER, dealershipId)
    .send({
      kind: 'service-contract',
      name: 'Service contract',
      description: 'Repairs after the warranty.',
      options: [{ termMonths: 48, priceCents: 199_500 }],
      active: true,
    })
    .expect(201);
  return response.body as ProtectionProduct;
}

describe('the terms a dealership’s website quotes with', () => {
  it('when the website asks, then it gets the dealership’s fees, rates, residuals, products and the disclosure, for its own origin', async () => {
    const { storefront, origin, fromSite } = dealershipWithCar();
    const product = await addProduct(storefront.dealershipId);

    const response = await fromSite.terms().expect(200);

    expect(response.headers['access-control-allow-origin']).toBe(origin);
    const { creditApplicationRetentionDays: _hidden, ...publicDefaults } = DEFAULT_RETAIL_SETTINGS;
    expect(response.body).toEqual({
      dealershipId: storefront.dealershipId,
      currency: 'USD',
      ...publicDefaults,
      products: [product],
      disclosure: PAYMENT_ESTIMATE_DISCLOSURE,
    } satisfies RetailTerms);
  });

  it('when another site or an unknown dealership asks, then it is refused', async () => {
    const { storefront } = dealershipWithCar();

    await request(ctx.app)
      .get(`${site(storefront.dealershipId)}/terms`)
      .set('Origin', 'https://evil.example')
      .expect(403);
    await request(ctx.app)
      .get(`${site(randomUUID())}/terms`)
      .expect(404);
  });
});

describe('a shopper’s payment estimate', () => {
  it('when a shopper quotes a car, then it is priced by inventory and the dealership’s terms, as the browser computes it', async () => {
    const { vehicle, fromSite } = dealershipWithCar();
    const terms = (await fromSite.terms()).body as RetailTerms;
    const asked: QuoteRequest = {
      vehicleId: vehicle.id,
      structure: FINANCE,
      trade: { valueCents: 900_000, payoffCents: 400_000 },
    };

    const quote = (await fromSite.quote(asked).expect(200)).body as Quote;

    expect(quote).toEqual(
      quoteDeal({
        vehicle: { priceCents: 3_124_900, msrpCents: 3_310_000 },
        structure: FINANCE,
        trade: asked.trade,
        terms,
      }),
    );
    expect(quote).toMatchObject({ kind: 'finance', sellingPriceCents: 3_124_900, tradeEquityCents: 500_000 });
    expect(quote.finance).toMatchObject({ aprBps: 749, termMonths: 60 });
    expect(quote.disclosure).toBe(PAYMENT_ESTIMATE_DISCLOSURE);
  });

  it('when a shopper quotes a lease with a product, then the product is capitalised at the dealer’s price', async () => {
    const { storefront, vehicle, fromSite } = dealershipWithCar();
    const product = await addProduct(storefront.dealershipId);

    const quote = (
      await fromSite
        .quote({
          vehicleId: vehicle.id,
          structure: { ...LEASE, termMonths: 48, products: [{ productId: product.id, termMonths: 48 }] },
          trade: null,
        })
        .expect(200)
    ).body as Quote;

    expect(quote.products).toEqual([
      {
        productId: product.id,
        name: 'Service contract',
        kind: 'service-contract',
        termMonths: 48,
        priceCents: 199_500,
      },
    ]);
    expect(quote.lease).toMatchObject({
      grossCapCostCents: 3_124_900 + DEFAULT_RETAIL_SETTINGS.fees.leaseAcquisitionCents + 199_500,
      residualCents: 1_621_900, // 49 % of the MSRP
    });
  });

  it('when the browser sends a price of its own, then the request is refused', async () => {
    const { vehicle, fromSite } = dealershipWithCar();

    const refused = await fromSite
      .quote({ vehicleId: vehicle.id, structure: FINANCE, trade: null, priceCents: 100 })
      .expect(400);

    expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'body' })]);
  });

  it('when the car is not for sale there, then the answer is 404', async () => {
    const { storefront, fromSite } = dealershipWithCar();
    const elsewhere = ctx.peers.addVehicle(ctx.newDealership().dealershipId);
    const held = ctx.peers.addVehicle(storefront.dealershipId);
    ctx.peers.holds.set(held.id, {
      vehicleId: held.id,
      reservationId: randomUUID(),
      until: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const unpriced = ctx.peers.addVehicle(storefront.dealershipId, { priceCents: null });

    for (const vehicleId of [randomUUID(), elsewhere.id, held.id, unpriced.id]) {
      const response = await fromSite.quote({ vehicleId, structure: FINANCE, trade: null }).expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('when the dealer’s terms cannot quote the structure, then the answer is 422 naming the field', async () => {
    const { storefront, vehicle, fromSite } = dealershipWithCar();
    const { token } = await ctx.member('manager', storefront.dealershipId);
    const read = await request(ctx.app)
      .get('/api/retail/settings')
      .auth(token, { type: 'bearer' })
      .set(DEALERSHIP_HEADER, storefront.dealershipId)
      .expect(200);
    await request(ctx.app)
      .put('/api/retail/settings')
      .auth(token, { type: 'bearer' })
      .set(DEALERSHIP_HEADER, storefront.dealershipId)
      .set('If-Match', read.headers['etag'] as string)
      .send({
        ...DEFAULT_RETAIL_SETTINGS,
        leaseResiduals: DEFAULT_RETAIL_SETTINGS.leaseResiduals.filter((r) => r.termMonths !== 39),
      })
      .expect(200);

    const noResidual = await fromSite
      .quote({ vehicleId: vehicle.id, structure: { ...LEASE, termMonths: 39 }, trade: null })
      .expect(422);
    const noProduct = await fromSite
      .quote({
        vehicleId: vehicle.id,
        structure: { ...FINANCE, products: [{ productId: randomUUID(), termMonths: 48 }] },
        trade: null,
      })
      .expect(422);

    expect(noResidual.body.invalidParams).toEqual([
      { name: 'body.structure.termMonths', reason: 'The dealership leases for 24, 36, 48 months, not 39.' },
    ]);
    expect(noProduct.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'body.structure.products.0.productId' }),
    ]);
  });
});
