import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEALERSHIP_HEADER, type ValuationGridRow } from '@showroom/contracts';
import { retailAppOnDemo } from '../test/retail-test-app';
import { ValuationGridService } from './valuation-grid-service';

const ctx = retailAppOnDemo();
const GRID = '/api/retail/valuation-grid';

const CAMRY: ValuationGridRow = {
  make: 'Toyota',
  model: 'Camry',
  yearFrom: 2021,
  yearTo: 2024,
  maxMileage: 60_000,
  lowCents: 1_650_000,
  highCents: 2_050_000,
};
const ANY_TOYOTA: ValuationGridRow = {
  ...CAMRY,
  model: null,
  yearFrom: 2012,
  maxMileage: 180_000,
  lowCents: 300_000,
};

async function managerAt() {
  const storefront = ctx.newDealership();
  const { token } = await ctx.member('manager', storefront.dealershipId);
  const dealershipId = storefront.dealershipId;
  const call = (method: 'get' | 'put') =>
    request(ctx.app)[method](GRID).auth(token, { type: 'bearer' }).set(DEALERSHIP_HEADER, dealershipId);
  return { dealershipId, call };
}

describe('the trade valuation grid', () => {
  it('when a manager saves the grid, then it reads back whole, in the order given, and trade-ins read the same rows', async () => {
    const dealer = await managerAt();
    expect((await dealer.call('get').expect(200)).body).toEqual({ rows: [] });

    const saved = await dealer
      .call('put')
      .send({ rows: [CAMRY, ANY_TOYOTA] })
      .expect(200);

    expect(saved.body).toEqual({ rows: [CAMRY, ANY_TOYOTA] });
    expect((await dealer.call('get')).body).toEqual({ rows: [CAMRY, ANY_TOYOTA] });
    expect(await new ValuationGridService(ctx.database.writer).rows(dealer.dealershipId)).toEqual([
      CAMRY,
      ANY_TOYOTA,
    ]);
  });

  it('when a manager saves a shorter grid or an empty one, then it replaces every row', async () => {
    const dealer = await managerAt();
    await dealer
      .call('put')
      .send({ rows: [CAMRY, ANY_TOYOTA] })
      .expect(200);

    await dealer
      .call('put')
      .send({ rows: [ANY_TOYOTA] })
      .expect(200);
    expect((await dealer.call('get')).body).toEqual({ rows: [ANY_TOYOTA] });

    await dealer.call('put').send({ rows: [] }).expect(200);
    expect((await dealer.call('get')).body).toEqual({ rows: [] });
  });

  it('when a row is wrong, then it is named and the grid stays as it was', async () => {
    const dealer = await managerAt();
    await dealer
      .call('put')
      .send({ rows: [CAMRY] })
      .expect(200);

    const refused = await dealer
      .call('put')
      .send({ rows: [ANY_TOYOTA, { ...CAMRY, yearFrom: 2025, yearTo: 2020 }] })
      .expect(400);

    expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'body.rows.1.yearTo' })]);
    expect((await dealer.call('get')).body).toEqual({ rows: [CAMRY] });
  });

  it('when one dealership saves its grid, then another’s stays its own', async () => {
    const mine = await managerAt();
    const theirs = await managerAt();
    await theirs
      .call('put')
      .send({ rows: [ANY_TOYOTA] })
      .expect(200);

    await mine
      .call('put')
      .send({ rows: [CAMRY] })
      .expect(200);

    expect((await theirs.call('get')).body).toEqual({ rows: [ANY_TOYOTA] });
  });

  it('when a finance manager tries to read or change it, then it is refused', async () => {
    const dealer = await managerAt();
    const { token } = await ctx.member('finance', dealer.dealershipId);

    for (const method of ['get', 'put'] as const) {
      await request(ctx.app)
        [method](GRID)
        .auth(token, { type: 'bearer' })
        .set(DEALERSHIP_HEADER, dealer.dealershipId)
        .send({ rows: [] })
        .expect(403);
    }
  });
});
