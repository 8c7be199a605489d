import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  DEALERSHIP_HEADER,
  type ProtectionProduct,
  type ProtectionProductInput,
  type RetailTerms,
} from '@showroom/contracts';
import { retailAppOnDemo } from '../test/retail-test-app';
import { MAX_PRODUCTS_PER_DEALERSHIP } from './product-service';

const ctx = retailAppOnDemo();
const PRODUCTS = '/api/retail/products';
const termsOf = (dealershipId: string) => `/api/retail/public/dealerships/${dealershipId}/terms`;

const GAP: ProtectionProductInput = {
  kind: 'gap',
  name: 'GAP protection',
  description: 'Pays what the insurer does not after a total loss.',
  options: [
    { termMonths: 60, priceCents: 79_500 },
    { termMonths: 72, priceCents: 89_500 },
  ],
  active: true,
};
const TIRES: ProtectionProductInput = {
  kind: 'tire-wheel',
  name: 'Tyre & wheel',
  description: '',
  options: [{ termMonths: 36, priceCents: 49_500 }],
  active: true,
};

async function managerAt() {
  const storefront = ctx.newDealership();
  const { token } = await ctx.member('manager', storefront.dealershipId);
  const dealershipId = storefront.dealershipId;
  const call = (method: 'get' | 'post' | 'put' | 'delete', path = '') =>
    request(ctx.app)
      [method](`${PRODUCTS}${path}`)
      .auth(token, { type: 'bearer' })
      .set(DEALERSHIP_HEADER, dealershipId);
  const add = async (input: ProtectionProductInput) =>
    (await call('post').send(input).expect(201)).body as ProtectionProduct;
  const terms = async () =>
    (await request(ctx.app).get(termsOf(dealershipId)).expect(200)).body as RetailTerms;
  return { dealershipId, call, add, terms };
}

describe('protection products', () => {
  it('when a manager adds products, then they are listed in the order added and offered on the website', async () => {
    const dealer = await managerAt();
    expect((await dealer.terms()).products).toEqual([]);

    const created = await dealer.call('post').send(GAP).expect(201);
    const gap = created.body as ProtectionProduct;
    const tires = await dealer.add(TIRES);

    expect(created.headers['location']).toBe(`${PRODUCTS}/${gap.id}`);
    expect(gap).toEqual({ id: expect.any(String), ...GAP });
    expect((await dealer.call('get').expect(200)).body).toEqual({ items: [gap, tires] });
    expect((await dealer.terms()).products).toEqual([gap, tires]);
  });

  it('when a manager changes a product or makes it inactive, then the website offers it as changed, or not at all', async () => {
    const dealer = await managerAt();
    const gap = await dealer.add(GAP);
    await dealer.terms();

    const dearer = { ...GAP, options: [{ termMonths: 60, priceCents: 99_500 }] };
    expect((await dealer.call('put', `/${gap.id}`).send(dearer).expect(200)).body).toEqual({
      id: gap.id,
      ...dearer,
    });
    expect((await dealer.terms()).products).toEqual([{ id: gap.id, ...dearer }]);

    await dealer
      .call('put', `/${gap.id}`)
      .send({ ...dearer, active: false })
      .expect(200);
    expect((await dealer.terms()).products).toEqual([]);
    expect((await dealer.call('get')).body.items).toEqual([{ id: gap.id, ...dearer, active: false }]);
  });

  it('when a manager removes a product, then it is gone from the list and the website, and removing it again is a 404', async () => {
    const dealer = await managerAt();
    const gap = await dealer.add(GAP);
    const tires = await dealer.add(TIRES);

    await dealer.call('delete', `/${gap.id}`).expect(204);

    expect((await dealer.call('get')).body.items).toEqual([tires]);
    expect((await dealer.terms()).products).toEqual([tires]);
    await dealer.call('delete', `/${gap.id}`).expect(404);
    await dealer.call('put', `/${gap.id}`).send(GAP).expect(404);
  });

  it('when another dealership names a product, then it is not found there and the product stays as it was', async () => {
    const owner = await managerAt();
    const other = await managerAt();
    const gap = await owner.add(GAP);

    await other
      .call('put', `/${gap.id}`)
      .send({ ...GAP, name: 'Hijacked' })
      .expect(404);
    await other.call('delete', `/${gap.id}`).expect(404);

    expect((await owner.call('get')).body.items).toEqual([gap]);
    expect((await other.call('get')).body.items).toEqual([]);
  });

  it('when a product is wrong, then each wrong field is named', async () => {
    const dealer = await managerAt();

    const refused = await dealer
      .call('post')
      .send({
        ...GAP,
        kind: 'paint-sealant',
        options: [
          { termMonths: 60, priceCents: 1 },
          { termMonths: 60, priceCents: 2 },
        ],
      })
      .expect(400);

    const names = (refused.body.invalidParams as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['body.kind', 'body.options']));
    await dealer.call('put', '/not-a-uuid').send(GAP).expect(400);
    expect((await dealer.call('get')).body.items).toEqual([]);
  });

  it(`when a dealership already offers ${MAX_PRODUCTS_PER_DEALERSHIP} products, then another is refused with 409`, async () => {
    const dealer = await managerAt();
    for (let i = 0; i < MAX_PRODUCTS_PER_DEALERSHIP; i++)
      await dealer.add({ ...TIRES, name: `Tyre plan ${i + 1}` });

    const refused = await dealer.call('post').send(GAP).expect(409);

    expect(refused.body.detail).toContain(`at most ${MAX_PRODUCTS_PER_DEALERSHIP}`);
    expect((await dealer.call('get')).body.items).toHaveLength(MAX_PRODUCTS_PER_DEALERSHIP);
  });

  it('when a salesperson tries to change the menu, then it is refused', async () => {
    const dealer = await managerAt();
    const { token } = await ctx.member('sales', dealer.dealershipId);

    await request(ctx.app)
      .post(PRODUCTS)
      .auth(token, { type: 'bearer' })
      .set(DEALERSHIP_HEADER, dealer.dealershipId)
      .send(GAP)
      .expect(403);
    expect((await dealer.call('get')).body.items).toEqual([]);
  });
});
