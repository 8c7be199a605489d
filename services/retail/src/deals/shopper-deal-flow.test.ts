import { createHash } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  DEAL_ACCESS_HEADER,
  NO_ADJUSTMENTS,
  PAYMENT_ESTIMATE_DISCLOSURE,
  type DealDesk,
  type DealStarted,
  type ShopperDeal,
} from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { formatCents } from '@showroom/retail-payments';
import { retailAppOnDemo } from '../test/retail-test-app';
import {
  atDesk,
  dealershipWithCar,
  FINANCE_60,
  LEASE_36,
  publicDeals,
  runJobs,
  startDeal,
} from './deal-test-support';
import { queueDealLeadUpdate } from './deal-lead-updates';
import { DealRepository } from './deal-repository';

const ctx = retailAppOnDemo();

async function dealRow(dealershipId: string, dealId: string) {
  const deal = await new DealRepository(ctx.database.writer).find(dealershipId, dealId);
  if (!deal) throw new Error(`deal ${dealId} is not stored`);
  return deal;
}

async function dealsOf(dealershipId: string): Promise<number> {
  const { n } = await forDealership(ctx.database.writer, dealershipId)
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe('a shopper works out a deal online and the dealership answers it', () => {
  it('goes from a started deal to an accepted counter-offer, with the lead opened once and the shopper e-mailed', async () => {
    const { storefront, vehicle, sales } = await dealershipWithCar(ctx);

    // Start: the car's price comes from inventory, the quote from the dealership's terms.
    const shopper = await startDeal(ctx, storefront, vehicle, FINANCE_60);
    expect(shopper.started.deal).toMatchObject({ status: 'draft', shopperFirstName: 'Dana' });
    expect(shopper.started.deal.offer.quote.sellingPriceCents).toBe(vehicle.priceCents);
    expect(shopper.started.deal.offer.quote.finance?.termMonths).toBe(60);
    const stored = await dealRow(storefront.dealershipId, shopper.dealId);
    expect(stored.access_token_hash).toBe(createHash('sha256').update(shopper.accessToken).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(shopper.accessToken);

    // Change the structure while it is a draft.
    const changed = await shopper.call('put', '/structure').send({ structure: LEASE_36 }).expect(200);
    expect((changed.body as ShopperDeal).offer.structure.kind).toBe('lease');
    expect((changed.body as ShopperDeal).offer.quote.lease?.termMonths).toBe(36);

    // Submit: the deal becomes a lead (once, however often the job runs) and the shopper is e-mailed.
    const submitted = await shopper.call('post', '/submit').expect(200);
    expect((submitted.body as ShopperDeal).status).toBe('submitted');
    await runJobs(ctx);
    const lead = ctx.peers.leads.get(shopper.dealId);
    expect(lead?.inputs).toHaveLength(1);
    expect(lead?.inputs[0]?.deal).toMatchObject({
      status: 'submitted',
      kind: 'lease',
      creditApplication: 'none',
    });
    expect(lead?.inputs[0]?.shopper).toEqual({
      firstName: 'Dana',
      lastName: 'Driver',
      email: 'dana.driver@example.com',
      phone: '614-555-0142',
    });
    await queueDealLeadUpdate(ctx.database.writer, await dealRow(storefront.dealershipId, shopper.dealId));
    await runJobs(ctx);
    expect([...ctx.peers.leads.values()].filter((l) => l.dealId === shopper.dealId)).toHaveLength(1);
    expect(lead?.inputs).toHaveLength(2);
    expect(await dealRow(storefront.dealershipId, shopper.dealId)).toMatchObject({
      lead_id: lead?.leadId,
      assignee_id: sales.id,
    });
    const received = await ctx.sink.waitFor(
      (mail) =>
        mail.to.includes('dana.driver@example.com') && mail.subject.startsWith('We received your deal'),
    );
    expect(received.text).toContain(storefront.name);
    expect(received.text).toContain(PAYMENT_ESTIMATE_DISCLOSURE);
    expect(received.text).toMatch(/Lease: \$[\d,]+\.\d\d a month for 36 months/);

    // The salesperson counters on the version they read.
    const desk = atDesk(ctx, sales, storefront.dealershipId);
    const read = await desk.get(`/deals/${shopper.dealId}`).expect(200);
    const etag = read.headers['etag'] as string;
    const listed = vehicle.priceCents ?? 0;
    const counter = {
      structure: FINANCE_60,
      adjustments: {
        sellingPriceCents: listed - 100_000,
        financeAprBps: 399,
        leaseMoneyFactor: null,
        tradeValueCents: null,
      },
      message: 'We can take $1,000 off and give you 3.99%.',
    };
    await desk.post(`/deals/${shopper.dealId}/counter-offers`, counter).expect(428);
    await desk.post(`/deals/${shopper.dealId}/counter-offers`, counter, '"v1"').expect(412);
    const countered = await desk.post(`/deals/${shopper.dealId}/counter-offers`, counter, etag).expect(201);
    const deal = countered.body as DealDesk;
    expect(deal.status).toBe('countered');
    expect(countered.headers['etag']).toBe(`"v${deal.version}"`);
    const dealerOffer = deal.offers.at(-1);
    expect(dealerOffer).toMatchObject({
      version: 2,
      by: 'dealer',
      author: 'Sara Sales',
      message: counter.message,
    });
    expect(dealerOffer?.quote.sellingPriceCents).toBe(listed - 100_000);
    expect(dealerOffer?.quote.finance?.aprBps).toBe(399);
    // The same If-Match again is stale now.
    await desk.post(`/deals/${shopper.dealId}/counter-offers`, counter, etag).expect(412);

    // The shopper gets an e-mail with a link that opens the deal.
    await runJobs(ctx);
    const offerMail = await ctx.sink.waitFor(
      (mail) => mail.to.includes('dana.driver@example.com') && mail.subject.includes('has an offer'),
    );
    expect(offerMail.text).toContain(counter.message);
    expect(offerMail.text).toContain(formatCents(dealerOffer?.quote.monthlyPaymentCents ?? 0));
    expect(offerMail.text).toContain(PAYMENT_ESTIMATE_DISCLOSURE);
    const link = new URL(/https?:\/\/\S+/.exec(offerMail.text)?.[0] ?? '');
    expect(link.origin).toBe(storefront.siteOrigins[0]);
    expect(link.pathname).toBe(`/deals/${shopper.dealId}`);
    const linkToken = link.searchParams.get('access') as string;
    const opened = await shopper.call('get', '', linkToken).expect(200);
    expect((opened.body as ShopperDeal).offer).toMatchObject({ version: 2, by: 'dealer' });

    // Only the dealer's latest offer can be accepted, and then the deal is done.
    await shopper.call('post', '/accept', linkToken).send({ version: 1 }).expect(409);
    const accepted = await shopper.call('post', '/accept', linkToken).send({ version: 2 }).expect(200);
    expect((accepted.body as ShopperDeal).status).toBe('accepted');
    expect((accepted.body as ShopperDeal).offer.acceptedAt).not.toBeNull();
    await desk.post(`/deals/${shopper.dealId}/counter-offers`, counter, `"v${deal.version + 1}"`).expect(409);

    await runJobs(ctx);
    await ctx.sink.waitFor(
      (mail) => mail.to.includes('dana.driver@example.com') && mail.subject.startsWith('You accepted'),
    );
    expect(lead?.inputs.at(-1)?.deal).toMatchObject({ status: 'accepted', kind: 'finance', aprBps: 399 });
    expect(lead?.activities.map((a) => a.text)).toEqual([
      expect.stringContaining('Sent an offer'),
      expect.stringContaining('Accepted the dealership’s offer'),
    ]);
    const timeline = await desk.get(`/deals/${shopper.dealId}`).expect(200);
    expect((timeline.body as DealDesk).activity.map((a) => a.kind)).toEqual([
      'started',
      'structure-changed',
      'submitted',
      'countered',
      'accepted',
    ]);
  });

  it('refuses to change a deal once it was sent, and sending it again changes nothing', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);
    await shopper.call('post', '/submit').expect(200);
    await shopper.call('post', '/submit').expect(200);
    const refused = await shopper.call('put', '/structure').send({ structure: LEASE_36 }).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await runJobs(ctx);
    expect(ctx.peers.leads.get(shopper.dealId)?.inputs).toHaveLength(1);
    expect(
      ctx.sink
        .messages()
        .filter((m) => m.subject.startsWith('We received') && m.text.includes(storefront.name)),
    ).toHaveLength(1);
  });

  it('names the field when the dealership’s terms cannot quote the structure, and stores nothing', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const res = await startDeal(ctx, storefront, vehicle).then((shopper) =>
      shopper.call('put', '/structure').send({
        structure: {
          ...FINANCE_60,
          products: [{ productId: '6a1c1c8e-5a3b-4a55-9b7c-2f1d2e3c4b5a', termMonths: 36 }],
        },
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.invalidParams[0].name).toMatch(/^body\.structure\.products/);
  });

  it('answers a bot that fills the hidden field like a shopper, and keeps no deal', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const bot = await request(ctx.app)
      .post(publicDeals(storefront.dealershipId))
      .set('Origin', storefront.siteOrigins[0] as string)
      .send({
        vehicleId: vehicle.id,
        shopper: { firstName: 'Bot', lastName: 'Net', email: 'bot@example.com' },
        structure: FINANCE_60,
        website: 'https://spam.example',
      })
      .expect(201);
    expect(bot.body.deal.status).toBe('draft');
    expect(bot.body.accessToken).toEqual(expect.any(String));
    expect(await dealsOf(storefront.dealershipId)).toBe(0);
    await request(ctx.app)
      .get(`${publicDeals(storefront.dealershipId)}/${bot.body.deal.id}`)
      .set('x-deal-access', bot.body.accessToken)
      .expect(404);
  });

  it('says a car that is not for sale is not found', async () => {
    const { storefront } = await dealershipWithCar(ctx);
    await request(ctx.app)
      .post(publicDeals(storefront.dealershipId))
      .send({
        vehicleId: '0b7f3f0e-3f7e-4c4e-9a55-1d6b1f1d2c3b',
        shopper: { firstName: 'Dana', lastName: 'Driver', email: 'dana.driver@example.com' },
        structure: FINANCE_60,
      })
      .expect(404);
  });
});

describe('a draft follows the dealership’s terms until the shopper sends it', () => {
  it('re-quotes a draft with the current tax rate and keeps a sent offer as it was sent', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const draft = await startDeal(ctx, storefront, vehicle);
    const sent = await startDeal(ctx, storefront, vehicle);
    await sent.call('post', '/submit').expect(200);
    const taxBefore = sent.started.deal.offer.quote.salesTaxBps;

    const manager = await ctx.member('manager', storefront.dealershipId);
    const settingsPath = '/api/retail/settings';
    const current = await request(ctx.app)
      .get(settingsPath)
      .auth(manager.token, { type: 'bearer' })
      .set('X-Dealership-Id', storefront.dealershipId)
      .expect(200);
    const { version: _version, updatedAt: _updatedAt, ...settings } = current.body;
    await request(ctx.app)
      .put(settingsPath)
      .auth(manager.token, { type: 'bearer' })
      .set('X-Dealership-Id', storefront.dealershipId)
      .set('If-Match', current.headers['etag'] as string)
      .send({ ...settings, tax: { ...settings.tax, salesTaxBps: taxBefore + 100 } })
      .expect(200);

    const draftNow = (await draft.call('get').expect(200)).body as ShopperDeal;
    expect(draftNow.offer.quote.salesTaxBps).toBe(taxBefore + 100);
    const sentNow = (await sent.call('get').expect(200)).body as ShopperDeal;
    expect(sentNow.offer.quote.salesTaxBps).toBe(taxBefore);
  });
});

describe('a trade-in counts in the deal’s figures', () => {
  it('counts the trade’s value and payoff in the draft, the desk’s quotes and the lead, and lets the desk count it at another value', async () => {
    const { storefront, vehicle, sales } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);
    await shopper
      .call('put', '/trade-in')
      .send({
        year: 2018,
        make: 'Honda',
        model: 'Civic',
        mileage: 61_000,
        condition: {
          overall: 'good',
          accidents: false,
          mechanicalIssues: false,
          warningLights: false,
          keys: 2,
        },
        payoffCents: 400_000,
      })
      .expect(200);
    const draft = (await shopper.call('get').expect(200)).body as ShopperDeal;
    expect(draft.offer.quote.tradePayoffCents).toBe(400_000);
    expect(draft.offer.quote.tradeValueCents).toBe(draft.tradeIn?.valueCents);
    await shopper.call('post', '/submit').expect(200);
    await runJobs(ctx);

    const desk = atDesk(ctx, sales, storefront.dealershipId);
    await request(ctx.app)
      .put(`/api/retail/deals/${shopper.dealId}/trade-in/appraisal`)
      .auth(sales.token, { type: 'bearer' })
      .set('X-Dealership-Id', storefront.dealershipId)
      .send({ valueCents: 1_150_000 })
      .expect(200);
    const read = await desk.get(`/deals/${shopper.dealId}`).expect(200);
    expect((read.body as DealDesk).tradeIn?.valueCents).toBe(1_150_000);

    const countered = await desk
      .post(
        `/deals/${shopper.dealId}/counter-offers`,
        { structure: FINANCE_60, adjustments: { ...NO_ADJUSTMENTS, tradeValueCents: 1_200_000 } },
        read.headers['etag'] as string,
      )
      .expect(201);
    const quote = (countered.body as DealDesk).offers.at(-1)?.quote;
    expect(quote).toMatchObject({
      tradeValueCents: 1_200_000,
      tradePayoffCents: 400_000,
      tradeEquityCents: 800_000,
    });

    const plain = await desk
      .post(
        `/deals/${shopper.dealId}/counter-offers`,
        { structure: FINANCE_60, adjustments: NO_ADJUSTMENTS },
        countered.headers['etag'] as string,
      )
      .expect(201);
    expect((plain.body as DealDesk).offers.at(-1)?.quote).toMatchObject({
      tradeValueCents: 1_150_000,
      tradePayoffCents: 400_000,
    });
    await runJobs(ctx);
    expect(ctx.peers.leads.get(shopper.dealId)?.inputs.at(-1)?.deal).toMatchObject({
      tradeValueCents: 1_150_000,
      tradePayoffCents: 400_000,
    });
  });
});

describe('a product the dealer stops offering stays on the deals that carry it', () => {
  it('lets the shopper send and the desk counter a deal whose product was made inactive, and no new deal choose it', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const manager = await ctx.member('manager', storefront.dealershipId);
    const products = (method: 'post' | 'put', path = '') =>
      request(ctx.app)
        [method](`/api/retail/products${path}`)
        .auth(manager.token, { type: 'bearer' })
        .set('X-Dealership-Id', storefront.dealershipId);
    const gapInput = {
      kind: 'gap',
      name: 'GAP protection',
      description: 'Pays what the insurer does not after a total loss.',
      options: [{ termMonths: 60, priceCents: 79_500 }],
      active: true,
    };
    const gap = (await products('post').send(gapInput).expect(201)).body as { id: string };
    const withGap = { ...FINANCE_60, products: [{ productId: gap.id, termMonths: 60 }] };
    const shopper = await startDeal(ctx, storefront, vehicle, withGap);

    await products('put', `/${gap.id}`)
      .send({ ...gapInput, active: false })
      .expect(200);
    const draft = (await shopper.call('get').expect(200)).body as ShopperDeal;
    expect(draft.offer.quote.products).toHaveLength(1);
    await shopper.call('post', '/submit').expect(200);

    const desk = atDesk(ctx, manager, storefront.dealershipId);
    const read = await desk.get(`/deals/${shopper.dealId}`).expect(200);
    const counter = { structure: withGap, adjustments: NO_ADJUSTMENTS, message: '' };
    const countered = await desk
      .post(`/deals/${shopper.dealId}/counter-offers`, counter, read.headers['etag'] as string)
      .expect(201);
    expect((countered.body as DealDesk).offers.at(-1)?.quote.products).toHaveLength(1);

    const other = await startDeal(ctx, storefront, vehicle);
    const refused = await other.call('put', '/structure').send({ structure: withGap }).expect(422);
    expect(refused.body.invalidParams[0].name).toBe('body.structure.products.0.productId');
  });
});

describe('a start request sent twice starts one deal', () => {
  it('answers the same Idempotency-Key and form with the deal it started, refuses it for another form, and forgets it after a day', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const origin = storefront.siteOrigins[0] as string;
    const form = {
      vehicleId: vehicle.id,
      shopper: { firstName: 'Ida', lastName: 'Idem', email: 'ida.idem@example.com' },
      structure: FINANCE_60,
    };
    const send = (key: string, body: object = form) =>
      request(ctx.app)
        .post(publicDeals(storefront.dealershipId))
        .set('Origin', origin)
        .set('Idempotency-Key', key)
        .send(body);
    const key = '3b6f0b7e-8a51-4f4e-9a43-5a1d0e6b2c11';

    const first = (await send(key).expect(201)).body as DealStarted;
    const again = (await send(key).expect(200)).body as DealStarted;
    expect(again.deal.id).toBe(first.deal.id);
    expect(await dealsOf(storefront.dealershipId)).toBe(1);
    const open = (token: string) =>
      request(ctx.app)
        .get(`${publicDeals(storefront.dealershipId)}/${first.deal.id}`)
        .set('Origin', origin)
        .set(DEAL_ACCESS_HEADER, token);
    await open(again.accessToken).expect(200);
    await open(first.accessToken).expect(404);

    const other = await send(key, { ...form, structure: LEASE_36 }).expect(409);
    expect(other.body.invalidParams[0].name).toBe('headers.idempotency-key');
    await send('short').expect(400);
    await send('5c0e2a9d-1f3b-4c7a-8e2d-6b4a9c1f0e22').expect(201);
    expect(await dealsOf(storefront.dealershipId)).toBe(2);

    await forDealership(ctx.database.writer, storefront.dealershipId)
      .updateTable('deals')
      .set({ created_at: new Date(Date.now() - 25 * 3_600_000) })
      .where('id', '=', first.deal.id)
      .execute();
    const later = (await send(key).expect(201)).body as DealStarted;
    expect(later.deal.id).not.toBe(first.deal.id);
    expect(await dealsOf(storefront.dealershipId)).toBe(3);
  });
});
