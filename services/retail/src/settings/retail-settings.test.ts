import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  DEALERSHIP_HEADER,
  type RetailSettings,
  type RetailSettingsUpdate,
  type RetailTerms,
} from '@showroom/contracts';
import { retailAppOnDemo } from '../test/retail-test-app';
import { DEFAULT_RETAIL_SETTINGS } from './defaults';

const ctx = retailAppOnDemo();
const SETTINGS = '/api/retail/settings';
const termsOf = (dealershipId: string) => `/api/retail/public/dealerships/${dealershipId}/terms`;

async function manager(dealershipId: string) {
  return ctx.member('manager', dealershipId, 'Morgan Manager');
}

const portal = (token: string, dealershipId: string) => ({
  get: () =>
    request(ctx.app).get(SETTINGS).auth(token, { type: 'bearer' }).set(DEALERSHIP_HEADER, dealershipId),
  put: (body: unknown, etag?: string) => {
    const call = request(ctx.app)
      .put(SETTINGS)
      .auth(token, { type: 'bearer' })
      .set(DEALERSHIP_HEADER, dealershipId)
      .send(body as object);
    return etag ? call.set('If-Match', etag) : call;
  },
});

const ohio: RetailSettingsUpdate = {
  ...DEFAULT_RETAIL_SETTINGS,
  fees: {
    documentationCents: 38_700,
    titleCents: 1_500,
    registrationCents: 3_450,
    leaseAcquisitionCents: 59_500,
  },
  tax: {
    salesTaxBps: 750,
    tradeReducesTaxable: true,
    feesTaxable: false,
    productsTaxable: true,
    leaseTax: 'upfront',
  },
};

describe('retail settings', () => {
  it('when a manager opens them for the first time, then the defaults come as version 1 with its ETag', async () => {
    const storefront = ctx.newDealership();
    const { token } = await manager(storefront.dealershipId);

    const response = await portal(token, storefront.dealershipId).get().expect(200);

    expect(response.headers['etag']).toBe('"v1"');
    const settings = response.body as RetailSettings;
    expect(settings).toMatchObject({ ...DEFAULT_RETAIL_SETTINGS, version: 1 });
    expect(Number.isNaN(Date.parse(settings.updatedAt))).toBe(false);
  });

  it('when a manager saves them with the ETag, then they are the next version and the website quotes with them at once', async () => {
    const storefront = ctx.newDealership();
    const { token } = await manager(storefront.dealershipId);
    const first = await portal(token, storefront.dealershipId).get().expect(200);
    // The website has read (and cached) the defaults before the change.
    await request(ctx.app).get(termsOf(storefront.dealershipId)).expect(200);

    const saved = await portal(token, storefront.dealershipId).put(ohio, first.headers['etag']).expect(200);

    expect(saved.headers['etag']).toBe('"v2"');
    expect(saved.body).toMatchObject({ ...ohio, version: 2 });
    const reread = await portal(token, storefront.dealershipId).get().expect(200);
    expect(reread.body).toEqual(saved.body);
    const terms = (await request(ctx.app).get(termsOf(storefront.dealershipId)).expect(200))
      .body as RetailTerms;
    expect(terms.fees).toEqual(ohio.fees);
    expect(terms.tax).toEqual(ohio.tax);
  });

  it('when a save names no version, then it is refused with 428 and nothing changes', async () => {
    const storefront = ctx.newDealership();
    const { token } = await manager(storefront.dealershipId);

    const refused = await portal(token, storefront.dealershipId).put(ohio).expect(428);

    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await portal(token, storefront.dealershipId).get().expect(200)).body).toMatchObject({
      ...DEFAULT_RETAIL_SETTINGS,
      version: 1,
    });
  });

  it('when two managers edit the same version, then the second save is refused with 412 and the first stays', async () => {
    const storefront = ctx.newDealership();
    const [first, second] = [await manager(storefront.dealershipId), await manager(storefront.dealershipId)];
    const read = await portal(first.token, storefront.dealershipId).get().expect(200);
    const etag = read.headers['etag'] as string;

    await portal(first.token, storefront.dealershipId).put(ohio, etag).expect(200);
    const stale = await portal(second.token, storefront.dealershipId)
      .put({ ...ohio, creditApplicationRetentionDays: 90 }, etag)
      .expect(412);

    expect(stale.body.detail).toContain('changed meanwhile');
    expect((await portal(first.token, storefront.dealershipId).get()).body).toMatchObject({
      creditApplicationRetentionDays: 30,
      version: 2,
    });
  });

  it('when the settings are wrong, then each wrong field is named and nothing is saved', async () => {
    const storefront = ctx.newDealership();
    const { token } = await manager(storefront.dealershipId);
    const etag = (await portal(token, storefront.dealershipId).get()).headers['etag'];
    const twice = DEFAULT_RETAIL_SETTINGS.creditTiers[0];

    const refused = await portal(token, storefront.dealershipId)
      .put(
        {
          ...ohio,
          tax: { ...ohio.tax, salesTaxBps: 2_500 },
          creditTiers: [twice, twice],
        },
        etag,
      )
      .expect(400);

    const names = (refused.body.invalidParams as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['body.tax.salesTaxBps', 'body.creditTiers']));
    expect((await portal(token, storefront.dealershipId).get()).body.version).toBe(1);
  });

  it('when a salesperson or finance manager tries, then they may neither read nor change them', async () => {
    const storefront = ctx.newDealership();
    for (const role of ['sales', 'finance', 'viewer'] as const) {
      const { token } = await ctx.member(role, storefront.dealershipId);
      await portal(token, storefront.dealershipId).get().expect(403);
      await portal(token, storefront.dealershipId).put(ohio, '"v1"').expect(403);
    }
  });

  it('when one dealership saves its settings, then another dealership’s stay its own', async () => {
    const [mine, theirs] = [ctx.newDealership(), ctx.newDealership()];
    const me = await manager(mine.dealershipId);
    const them = await manager(theirs.dealershipId);
    const etag = (await portal(me.token, mine.dealershipId).get()).headers['etag'];

    await portal(me.token, mine.dealershipId).put(ohio, etag).expect(200);

    expect((await portal(them.token, theirs.dealershipId).get()).body).toMatchObject({
      ...DEFAULT_RETAIL_SETTINGS,
      version: 1,
    });
    const theirTerms = (await request(ctx.app).get(termsOf(theirs.dealershipId))).body as RetailTerms;
    expect(theirTerms.tax).toEqual(DEFAULT_RETAIL_SETTINGS.tax);
  });
});
