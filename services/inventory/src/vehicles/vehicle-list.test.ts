import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '@showroom/contracts';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';
import { composeVin } from '@showroom/demo-data';

describe('vehicle list: dealers find cars by filter, sort and page', () => {
  const ctx = inventoryAppForTests();
  let token: string;

  const list = (query: string) =>
    request(ctx.app)
      .get(`/api/inventory/vehicles?${query}`)
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId);

  beforeAll(async () => {
    token = await ctx.tokenFor('viewer', ctx.dealershipId);
    const writer = await ctx.tokenFor('sales', ctx.dealershipId);
    const lot = [
      vehicleInput({
        stockNumber: 'A1',
        make: 'Honda',
        model: 'Accord',
        year: 2022,
        priceCents: 2_500_000,
        mileage: 30_000,
        condition: 'used',
      }),
      vehicleInput({
        stockNumber: 'A2',
        make: 'Honda',
        model: 'Civic',
        vin: composeVin('2HG', 'FE2F5', 2024, 'H', '100001'),
        year: 2024,
        priceCents: 2_300_000,
        mileage: 12_000,
        condition: 'certified',
      }),
      vehicleInput({
        stockNumber: 'A3',
        make: 'Ford',
        model: 'F-150',
        vin: composeVin('1FT', 'FW1E5', 2025, 'F', '100002'),
        year: 2025,
        priceCents: 5_400_000,
        mileage: 10,
        condition: 'new',
        bodyStyle: 'pickup',
      }),
      vehicleInput({
        stockNumber: 'A4',
        make: 'Ford',
        model: 'Mustang',
        vin: composeVin('1FA', '6P8TH', 2020, '5', '100003'),
        year: 2020,
        priceCents: null,
        mileage: 41_000,
        condition: 'used',
        bodyStyle: 'coupe',
      }),
      vehicleInput({
        stockNumber: 'A5',
        make: 'Honda',
        model: 'Accord',
        year: 2022,
        priceCents: 2_700_000,
        mileage: 18_000,
        condition: 'used',
        status: 'sold',
      }),
    ];
    for (const v of lot) {
      const res = await request(ctx.app)
        .post('/api/inventory/vehicles')
        .auth(writer, { type: 'bearer' })
        .set('X-Dealership-Id', ctx.dealershipId)
        .send(v);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  const stocks = (res: request.Response) => res.body.items.map((v: { stockNumber: string }) => v.stockNumber);

  it('filters by status, condition, make and model together', async () => {
    const res = await list('status=available&condition=used,certified&make=Honda');
    expect(stocks(res).sort()).toEqual(['A1', 'A2']);
    expect((await list('make=Honda&model=Accord')).body.total).toBe(2);
  });

  it('filters by year, price and mileage ranges', async () => {
    expect(stocks(await list('yearMin=2023&sort=year'))).toEqual(['A2', 'A3']);
    expect(stocks(await list('priceMin=2400000&priceMax=2600000'))).toEqual(['A1']);
    expect(stocks(await list('mileageMax=15000&sort=mileage'))).toEqual(['A3', 'A2']);
  });

  it('finds by free text over VIN, stock number, make and model, word by word', async () => {
    expect(stocks(await list('q=mustang'))).toEqual(['A4']);
    expect(stocks(await list('q=ford%20150'))).toEqual(['A3']);
    expect(stocks(await list('q=a3'))).toContain('A3');
    expect((await list('q=100_00')).body.total).toBe(0);
  });

  it('sorts by price with unpriced vehicles last, both ways', async () => {
    expect(stocks(await list('sort=price'))).toEqual(['A2', 'A1', 'A5', 'A3', 'A4']);
    expect(stocks(await list('sort=-price'))).toEqual(['A3', 'A5', 'A1', 'A2', 'A4']);
  });

  it('pages with a hard upper limit', async () => {
    const page2 = await list('sort=year&pageSize=2&page=2');
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page2.body.items).toHaveLength(2);
    const tooBig = await list(`pageSize=${MAX_PAGE_SIZE + 1}`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.invalidParams[0].name).toBe('query.pageSize');
  });

  it('counts facets for the current filter', async () => {
    const res = await list('status=available');
    expect(res.body.facets.make).toEqual([
      { value: 'Ford', count: 2 },
      { value: 'Honda', count: 2 },
    ]);
    expect(res.body.facets.condition).toEqual(
      expect.arrayContaining([
        { value: 'used', count: 2 },
        { value: 'new', count: 1 },
        { value: 'certified', count: 1 },
      ]),
    );
    const fords = await list('make=Ford');
    expect(fords.body.facets.model).toEqual([
      { value: 'F-150', count: 1 },
      { value: 'Mustang', count: 1 },
    ]);
    expect(fords.body.facets.bodyStyle).toEqual([
      { value: 'coupe', count: 1 },
      { value: 'pickup', count: 1 },
    ]);
  });

  it('refuses unknown filters and inverted ranges with a problem naming them', async () => {
    const unknown = await list('colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams[0]).toEqual({ name: 'query', reason: 'unknown field(s): colour' });
    const inverted = await list('yearMin=2024&yearMax=2020');
    expect(inverted.body.invalidParams).toEqual([
      { name: 'query.yearMax', reason: 'yearMax must not be below yearMin' },
    ]);
    const badStatus = await list('status=stolen');
    expect(badStatus.body.invalidParams[0].name).toBe('query.status.0');
  });
});
