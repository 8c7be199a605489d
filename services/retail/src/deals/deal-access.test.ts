import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { DealDesk, DealList } from '@showroom/contracts';
import { retailAppOnDemo } from '../test/retail-test-app';
import { atDesk, dealershipWithCar, FINANCE_60, publicDeals, runJobs, startDeal } from './deal-test-support';
import { SignedLinks } from './signed-links';

const ctx = retailAppOnDemo();

const counter = {
  structure: FINANCE_60,
  adjustments: {
    sellingPriceCents: null,
    financeAprBps: null,
    leaseMoneyFactor: null,
    tradeValueCents: null,
  },
};

/** A submitted deal whose lead is opened (and assigned to the dealership's salesperson). */
async function submittedDeal(
  ctx_: typeof ctx,
  setup: Awaited<ReturnType<typeof dealershipWithCar>>,
  email?: string,
) {
  const shopper = await startDeal(ctx_, setup.storefront, setup.vehicle, FINANCE_60, {
    firstName: 'Pat',
    lastName: 'Private',
    email: email ?? 'pat.private@example.com',
    phone: '614-555-0199',
  });
  await shopper.call('post', '/submit').expect(200);
  await runJobs(ctx_);
  return shopper;
}

describe('only the shopper’s token or a live e-mailed link opens a deal', () => {
  it('answers 404 — as for a deal that does not exist — to a wrong token, another deal’s token, an expired link or none', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const mine = await startDeal(ctx, storefront, vehicle);
    const theirs = await startDeal(ctx, storefront, vehicle);
    const links = (clock: () => Date) =>
      new SignedLinks({ secret: ctx.config.DEAL_LINK_SECRET, ttlHours: 72, clock });

    await mine.call('get').expect(200);
    const wrong = await mine.call('get', '', 'not-the-token').expect(404);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    await mine.call('get', '', theirs.accessToken).expect(404);
    await mine.call('put', '/structure', theirs.accessToken).send({ structure: FINANCE_60 }).expect(404);
    await mine.call('post', '/submit', theirs.accessToken).expect(404);
    await request(ctx.app)
      .get(`${publicDeals(storefront.dealershipId)}/${mine.dealId}`)
      .expect(404);

    const expired = links(() => new Date(Date.now() - 73 * 3_600_000)).issue(
      storefront.dealershipId,
      mine.dealId,
      1,
    );
    await mine.call('get', '', expired.token).expect(404);
    const live = links(() => new Date()).issue(storefront.dealershipId, mine.dealId, 1);
    await mine.call('get', '', live.token).expect(200);
    // A link for one deal does not open another, nor one signed with another secret.
    await theirs.call('get', '', live.token).expect(404);
    const forged = new SignedLinks({ secret: 'x'.repeat(40), ttlHours: 72 }).issue(
      storefront.dealershipId,
      mine.dealId,
      1,
    );
    await mine.call('get', '', forged.token).expect(404);
  });

  it('does not open a deal under another dealership’s path, even with its own token', async () => {
    const here = await dealershipWithCar(ctx);
    const elsewhere = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, here.storefront, here.vehicle);
    await request(ctx.app)
      .get(`${publicDeals(elsewhere.storefront.dealershipId)}/${shopper.dealId}`)
      .set('x-deal-access', shopper.accessToken)
      .expect(404);
  });
});

describe('the desk shows each person the deals they may work, and no more', () => {
  it('lets a salesperson see only the deals of their own leads, following reassignment in leads', async () => {
    const setup = await dealershipWithCar(ctx);
    const { storefront, sales: sara } = setup;
    const tom = await ctx.member('sales', storefront.dealershipId, 'Tom Sales');
    const sarasDeal = await submittedDeal(ctx, setup);
    ctx.peers.assignees.set(storefront.dealershipId, tom.id);
    const tomsDeal = await submittedDeal(ctx, setup, 'other.shopper@example.com');
    const draft = await startDeal(ctx, storefront, setup.vehicle);

    const asSara = atDesk(ctx, sara, storefront.dealershipId);
    const asTom = atDesk(ctx, tom, storefront.dealershipId);
    const assigneeAsks = () =>
      ctx.peers.requestsTo('leads').filter((r) => r.path.endsWith('/lead-assignees')).length;
    const asksBefore = assigneeAsks();
    const list = (await asSara.get('/deals').expect(200)).body as DealList;
    expect(list.items.map((d) => d.id)).toEqual([sarasDeal.dealId]);
    expect(assigneeAsks() - asksBefore).toBe(1);
    await asSara.get(`/deals/${tomsDeal.dealId}`).expect(404);
    await asSara.get(`/deals/${draft.dealId}`).expect(404);
    await asSara.post(`/deals/${tomsDeal.dealId}/counter-offers`, counter, '"v3"').expect(404);

    // The manager gives Sara's lead to Tom in leads: the desk follows, the list first.
    const lead = ctx.peers.leads.get(sarasDeal.dealId);
    if (lead) lead.assigneeId = tom.id;
    const toms = (await asTom.get('/deals').expect(200)).body as DealList;
    expect(toms.items.map((d) => d.id).sort()).toEqual([sarasDeal.dealId, tomsDeal.dealId].sort());
    expect(((await asSara.get('/deals').expect(200)).body as DealList).items).toEqual([]);
    await asSara.get(`/deals/${sarasDeal.dealId}`).expect(404);
    await asTom.get(`/deals/${sarasDeal.dealId}`).expect(200);

    const manager = await ctx.member('manager', storefront.dealershipId);
    const all = (await atDesk(ctx, manager, storefront.dealershipId).get('/deals').expect(200))
      .body as DealList;
    expect(all.items.map((d) => d.id).sort()).toEqual(
      [sarasDeal.dealId, tomsDeal.dealId, draft.dealId].sort(),
    );
  });

  it('pages the list by cursor and filters it by status', async () => {
    const setup = await dealershipWithCar(ctx);
    const deals = [];
    for (let i = 0; i < 3; i++) deals.push(await startDeal(ctx, setup.storefront, setup.vehicle));
    await deals[0]?.call('post', '/submit').expect(200);
    const manager = await ctx.member('manager', setup.storefront.dealershipId);
    const desk = atDesk(ctx, manager, setup.storefront.dealershipId);

    const first = (await desk.get('/deals?limit=2').expect(200)).body as DealList;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = (await desk.get(`/deals?limit=2&cursor=${first.nextCursor}`).expect(200)).body as DealList;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((d) => d.id).sort()).toEqual(
      deals.map((d) => d.dealId).sort(),
    );
    // Most recently changed first: the submitted deal changed last.
    expect(first.items[0]?.id).toBe(deals[0]?.dealId);

    const submitted = (await desk.get('/deals?status=submitted').expect(200)).body as DealList;
    expect(submitted.items.map((d) => d.id)).toEqual([deals[0]?.dealId]);
    const bad = await desk.get('/deals?cursor=bm90LWEtY3Vyc29y').expect(400);
    expect(bad.body.invalidParams[0].name).toBe('query.cursor');
  });

  it('gives a viewer the deal and the list with the shopper’s first name and initial only, no e-mail or phone', async () => {
    const setup = await dealershipWithCar(ctx);
    const shopper = await submittedDeal(ctx, setup);
    const viewer = await ctx.member('viewer', setup.storefront.dealershipId);
    const manager = await ctx.member('manager', setup.storefront.dealershipId);

    const seen = (
      await atDesk(ctx, viewer, setup.storefront.dealershipId).get(`/deals/${shopper.dealId}`).expect(200)
    ).body as DealDesk;
    expect(seen.shopper).toEqual({ firstName: 'Pat', lastName: 'P.', email: null, phone: null });
    expect(JSON.stringify(seen)).not.toContain('pat.private@example.com');
    expect(JSON.stringify(seen)).not.toContain('Private');
    const listed = (await atDesk(ctx, viewer, setup.storefront.dealershipId).get('/deals').expect(200))
      .body as DealList;
    expect(listed.items.map((item) => item.shopperName)).toEqual(['Pat P.']);
    await atDesk(ctx, viewer, setup.storefront.dealershipId)
      .post(`/deals/${shopper.dealId}/counter-offers`, counter, `"v${seen.version}"`)
      .expect(403);

    const full = (
      await atDesk(ctx, manager, setup.storefront.dealershipId).get(`/deals/${shopper.dealId}`).expect(200)
    ).body as DealDesk;
    expect(full.shopper).toMatchObject({
      lastName: 'Private',
      email: 'pat.private@example.com',
      phone: '614-555-0199',
    });
    const managerList = (await atDesk(ctx, manager, setup.storefront.dealershipId).get('/deals').expect(200))
      .body as DealList;
    expect(managerList.items.map((item) => item.shopperName)).toEqual(['Pat Private']);
  });

  it('answers 404 on every desk route for another dealership’s deal', async () => {
    const here = await dealershipWithCar(ctx);
    const shopper = await submittedDeal(ctx, here);
    const elsewhere = await dealershipWithCar(ctx);
    const owner = await ctx.member('owner', elsewhere.storefront.dealershipId);
    const desk = atDesk(ctx, owner, elsewhere.storefront.dealershipId);

    await desk.get(`/deals/${shopper.dealId}`).expect(404);
    await desk.post(`/deals/${shopper.dealId}/counter-offers`, counter, '"v3"').expect(404);
    const list = (await desk.get('/deals').expect(200)).body as DealList;
    expect(list.items).toEqual([]);
    // Nothing was changed or sent.
    const theirs = await atDesk(
      ctx,
      await ctx.member('owner', here.storefront.dealershipId),
      here.storefront.dealershipId,
    )
      .get(`/deals/${shopper.dealId}`)
      .expect(200);
    expect((theirs.body as DealDesk).offers).toHaveLength(1);
  });
});
