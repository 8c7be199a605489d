import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeVin } from '@showroom/demo-data';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

describe('inventory search in the portal: what a dealer types finds the cars they mean', () => {
  const ctx = inventoryAppForTests();
  let manager: string;
  const ids: Record<string, string> = {};

  const search = (query: Record<string, string>) =>
    request(ctx.app)
      .get('/api/inventory/vehicles')
      .query(query)
      .auth(manager, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId);
  const idsOf = (res: request.Response) => (res.body.items as Array<{ id: string }>).map((v) => v.id);

  beforeAll(async () => {
    manager = await ctx.tokenFor('manager', ctx.dealershipId);
    const lot = {
      camry: vehicleInput({
        vin: composeVin('4T1', 'B11HK', 2021, 'U', '512345'),
        make: 'Toyota',
        model: 'Camry',
        trim: 'XLE',
        year: 2021,
        priceCents: 2_450_000,
        exteriorColor: 'Silver',
      }),
      silverado: vehicleInput({
        vin: composeVin('1GC', 'UYDED', 2022, 'Z', '600100'),
        make: 'Chevrolet',
        model: 'Silverado 1500',
        trim: 'LT',
        year: 2022,
        bodyStyle: 'pickup',
        drivetrain: '4wd',
        priceCents: 2_899_000,
        exteriorColor: 'Black',
      }),
      pricey: vehicleInput({
        vin: composeVin('1GC', 'UYEED', 2024, 'Z', '600200'),
        make: 'Chevrolet',
        model: 'Silverado 1500',
        trim: 'High Country',
        year: 2024,
        bodyStyle: 'pickup',
        drivetrain: '4wd',
        priceCents: 5_899_000,
        exteriorColor: 'White',
      }),
      accord: vehicleInput({ make: 'Honda', model: 'Accord', priceCents: 2_100_000, costCents: 1_900_000 }),
    };
    for (const [name, input] of Object.entries(lot)) {
      const res = await request(ctx.app)
        .post('/api/inventory/vehicles')
        .auth(manager, { type: 'bearer' })
        .set('X-Dealership-Id', ctx.dealershipId)
        .send(input);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[name] = res.body.id;
    }
  });

  it('when a dealer types "toyta camry", then the Toyota Camry is found with the words it matched marked', async () => {
    const res = await search({ q: 'toyta camry' });
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([ids['camry']]);
    const model = res.body.items[0].highlights.find((h: { field: string }) => h.field === 'model');
    expect(model.parts).toEqual([{ text: 'Camry', match: true }]);
    expect(res.body.items[0].rooftop.id).toBe(ctx.dealershipId);
  });

  it('when a dealer types "chevy 4x4 under 30k", then only the four-wheel-drive Chevrolet under $30,000 is found', async () => {
    const res = await search({ q: 'chevy 4x4 under 30k' });
    expect(idsOf(res)).toEqual([ids['silverado']]);
  });

  it('when a dealer types the last six of a VIN, then that car is found', async () => {
    const res = await search({ q: '512345' });
    expect(idsOf(res)).toEqual([ids['camry']]);
  });

  it('when a make filter is applied, then the facets narrow to the Chevrolets and the ranges follow', async () => {
    const res = await search({ make: 'chevrolet', facets: 'make,model,drivetrain,price,year' });
    expect(res.body.total).toBe(2);
    expect(res.body.facets.make).toEqual([{ value: 'Chevrolet', count: 2 }]);
    expect(res.body.facets.drivetrain).toEqual([{ value: '4wd', count: 2 }]);
    expect(res.body.ranges).toEqual({
      price: { min: 2_899_000, max: 5_899_000 },
      year: { min: 2022, max: 2024 },
    });
    expect(res.body.facets.bodyStyle).toBeUndefined();
  });

  it('when sorted by price descending, then the dearest comes first', async () => {
    const res = await search({ sort: '-price', pageSize: '2' });
    expect(idsOf(res)).toEqual([ids['pricey'], ids['silverado']]);
  });

  it('when the dealer reads the list, then their own cost is there (the portal is theirs)', async () => {
    const res = await search({ q: 'accord' });
    expect(res.body.items[0].costCents).toBe(1_900_000);
  });

  it('when a car is added, changed or sold, then the very next search shows it', async () => {
    const added = await request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(manager, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId)
      .send(vehicleInput({ make: 'Subaru', model: 'Outback', drivetrain: 'awd', bodyStyle: 'wagon' }));
    expect(idsOf(await search({ q: 'outback' }))).toEqual([added.body.id]);

    await request(ctx.app)
      .patch(`/api/inventory/vehicles/${added.body.id}`)
      .auth(manager, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId)
      .set('If-Match', '"v1"')
      .send({ model: 'Forester' });
    expect(idsOf(await search({ q: 'outback' }))).toEqual([]);
    expect(idsOf(await search({ q: 'forester' }))).toEqual([added.body.id]);

    await request(ctx.app)
      .delete(`/api/inventory/vehicles/${added.body.id}`)
      .auth(manager, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId)
      .set('If-Match', '"v2"');
    expect(idsOf(await search({ q: 'forester' }))).toEqual([]);
  });

  it('when the index answers, then the response does not say which engine it was', async () => {
    const res = await search({ q: 'camry' });
    expect(res.headers['search-fallback']).toBeUndefined();
  });

  describe('bad input is refused naming the field', () => {
    it.each([
      [{ q: 'x'.repeat(101) }, 'q'],
      [{ facets: 'make,colour' }, 'facets'],
      [{ sort: 'cheapest' }, 'sort'],
      [{ drivetrain: '6wd' }, 'drivetrain'],
      [{ make: Array.from({ length: 21 }, (_, i) => `m${i}`).join(',') }, 'make'],
      [{ pageSize: '500' }, 'pageSize'],
      [{ priceMin: '5000', priceMax: '10' }, 'priceMax'],
    ])('%j → 400 naming %s', async (query, field) => {
      const res = await search(query as Record<string, string>);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const names = (res.body.invalidParams as Array<{ name: string }>).map((p) => p.name);
      expect(names.some((name) => name === `query.${field}` || name.startsWith(`query.${field}.`))).toBe(
        true,
      );
    });

    it('when an unknown parameter is sent, then the 400 names it', async () => {
      const res = await search({ engine: 'algolia' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.invalidParams)).toContain('engine');
    });

    it('when the text carries control characters and runs of spaces, then they are cut and the words still match', async () => {
      const res = await search({ q: 'toyota\u0000\t\t   camry\u001b' });
      expect(res.status).toBe(200);
      expect(idsOf(res)).toEqual([ids['camry']]);
    });
  });
});
