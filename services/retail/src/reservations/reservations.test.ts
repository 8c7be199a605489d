import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ReservationCheckout } from '@showroom/contracts';
import { SANDBOX_DECLINED_CARD, stripeSignature, testLogger } from '@showroom/server-testing';
import { forDealership } from '@showroom/server-mysql';
import { atDesk, dealershipWithCar, publicDeals, runJobs, startDeal } from '../deals/deal-test-support';
import { DealRepository } from '../deals/deal-repository';
import { RetailTermsSource } from '../settings/retail-terms-source';
import { composeReservations } from './compose-reservations';
import { ReservationExpiry } from './expiry';
import { enqueueDepositRefund } from './reservation-job-kinds';
import { PAYMENT_WEBHOOK_PATH } from './reservation-routes';
import { retailAppOnDemo } from '../test/retail-test-app';
import { GOOD_CARD, payOnCheckoutPage, reservationBecomes, reservationRow } from './reservation-test-support';
import { TEST_STRIPE_WEBHOOK_SECRET } from './test-payments';

const ctx = retailAppOnDemo();

/** A shopper with a deal on a car of a dealership of their own, and the reservation's checkout started. */
async function shopperReserving() {
  const { storefront, vehicle, sales } = await dealershipWithCar(ctx);
  const shopper = await startDeal(ctx, storefront, vehicle);
  const started = await shopper.call('post', '/reservation').expect(201);
  return { storefront, vehicle, sales, shopper, checkout: started.body as ReservationCheckout };
}

/** …who then paid with the good card, and the webhook held the reservation. */
async function shopperWhoPaid() {
  const reserving = await shopperReserving();
  const paid = await payOnCheckoutPage(reserving.checkout.checkoutUrl);
  expect(paid.status).toBe(303);
  const { dealershipId } = reserving.storefront;
  const row = await reservationBecomes(ctx, dealershipId, reserving.shopper.dealId, 'held');
  return { ...reserving, row };
}

const activityOf = async (dealershipId: string, dealId: string) =>
  (await new DealRepository(ctx.database.writer).activity(dealershipId, dealId)).map((a) => ({
    actor: a.actor,
    kind: a.kind,
    text: a.text,
  }));

const sessionOf = (checkoutUrl: string) => {
  const id = decodeURIComponent(new URL(checkoutUrl).pathname.split('/').pop() as string);
  const session = ctx.payments.sandbox.sessions().find((s) => s.id === id);
  if (!session) throw new Error(`the sandbox has no session ${id}`);
  return session;
};

const deliveriesOf = (checkoutUrl: string) =>
  ctx.payments.sandbox.deliveries().filter((d) => d.sessionId === sessionOf(checkoutUrl).id);

/** Waits until the sandbox recorded the webhook refusing the checkout's event (it is down). */
async function deliveryRefused(checkoutUrl: string): Promise<void> {
  const until = Date.now() + 5_000;
  while (!deliveriesOf(checkoutUrl).some((d) => d.attempts > 0 && d.lastStatus === 503)) {
    if (Date.now() > until) expect.fail('the sandbox never tried to deliver the event');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const jobsOfKind = async (dealershipId: string, kind: string) =>
  forDealership(ctx.database.writer, dealershipId)
    .selectFrom('retail_jobs')
    .select(['kind', 'payload', 'state'])
    .where('kind', '=', kind)
    .execute();

const expirySweep = () =>
  new ReservationExpiry({
    db: ctx.database.writer,
    clock: () => new Date(),
    intervalMs: 60_000,
    logger: testLogger(),
  });

/** The reservations module on the test app's database, peers and payments sandbox. */
const reservationModule = () =>
  composeReservations(ctx.config, {
    db: ctx.database.writer,
    terms: new RetailTermsSource(ctx.database.writer),
    directory: ctx.retail.directory,
    catalog: ctx.retail.catalog,
    logger: testLogger(),
    clock: () => new Date(),
  });

/** A checkout.session.completed event as Stripe would send it for `sessionId`, signed with `secret`. */
function completedEvent(
  eventId: string,
  sessionId: string,
  secret: string,
  timestamp?: number,
  metadata: Record<string, string> = {},
) {
  const body = JSON.stringify({
    id: eventId,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        status: 'complete',
        payment_status: 'paid',
        metadata,
      },
    },
  });
  return { body, signature: stripeSignature(body, secret, timestamp) };
}

const postEvent = ({ body, signature }: { body: string; signature: string }) =>
  request(ctx.app)
    .post(PAYMENT_WEBHOOK_PATH)
    .set('Content-Type', 'application/json; charset=utf-8')
    .set('Stripe-Signature', signature)
    .send(body);

describe('a shopper reserves the car with a deposit on the payment provider’s page', () => {
  it('when they pay with the good card, the signed event holds the reservation and inventory holds the car until the hold ends', async () => {
    const { storefront, vehicle, shopper, checkout } = await shopperReserving();
    const siteUrl = (storefront.siteUrl as string).replace(/\/$/, '');

    expect(checkout.reservation).toMatchObject({
      status: 'awaiting-payment',
      depositCents: 50_000,
      paidAt: null,
    });
    expect(checkout.checkoutUrl.startsWith(`${ctx.payments.sandbox.url}/pay/cs_test_`)).toBe(true);
    const session = sessionOf(checkout.checkoutUrl);
    expect(session).toMatchObject({
      amountTotal: 50_000,
      currency: 'usd',
      clientReferenceId: checkout.reservation.id,
      metadata: {
        reservation_id: checkout.reservation.id,
        dealership_id: storefront.dealershipId,
        deal_id: shopper.dealId,
      },
      successUrl: `${siteUrl}/deals/${shopper.dealId}?reservation=paid`,
      cancelUrl: `${siteUrl}/deals/${shopper.dealId}?reservation=cancelled`,
    });
    const asStripeHasIt = await fetch(`${ctx.payments.sandbox.url}/v1/checkout/sessions/${session.id}`, {
      headers: { Authorization: `Bearer ${ctx.config.STRIPE_SECRET_KEY}` },
    });
    expect(await asStripeHasIt.json()).toMatchObject({ id: session.id, customer_email: null });
    expect(session.lineItems).toEqual([
      {
        name: 'Reservation deposit',
        description: `${vehicle.year} ${vehicle.make} ${vehicle.model} ${vehicle.trim}, stock #${vehicle.stockNumber}`,
        unitAmount: 50_000,
        quantity: 1,
      },
    ]);

    const paid = await payOnCheckoutPage(checkout.checkoutUrl, GOOD_CARD);
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${siteUrl}/deals/${shopper.dealId}?reservation=paid`);

    const held = await reservationBecomes(ctx, storefront.dealershipId, shopper.dealId, 'held');
    expect(held.held_until?.getTime()).toBe((held.paid_at?.getTime() ?? 0) + 48 * 3_600_000);
    await runJobs(ctx);
    expect(ctx.peers.holds.get(vehicle.id)).toEqual({
      vehicleId: vehicle.id,
      reservationId: checkout.reservation.id,
      until: held.held_until?.toISOString(),
    });
    expect(await activityOf(storefront.dealershipId, shopper.dealId)).toContainEqual({
      actor: 'Shopper',
      kind: 'reservation-paid',
      text: 'Paid a $500.00 deposit to reserve the vehicle: it is held for 48 hours.',
    });
  });

  it('brings the shopper back to the website origin they reserved from, when the dealership has several', async () => {
    const origins = ['https://www.example-motors.test', 'https://example-motors.sites.showroom.test'];
    const storefront = ctx.newDealership({ siteUrl: origins[0], siteOrigins: origins });
    const vehicle = ctx.peers.addVehicle(storefront.dealershipId);
    const shopper = await startDeal(ctx, storefront, vehicle);

    const started = await request(ctx.app)
      .post(`${publicDeals(storefront.dealershipId)}/${shopper.dealId}/reservation`)
      .set('Origin', origins[1] as string)
      .set('X-Deal-Access', shopper.accessToken)
      .expect(201);

    const session = sessionOf((started.body as ReservationCheckout).checkoutUrl);
    expect(session.successUrl).toBe(`${origins[1]}/deals/${shopper.dealId}?reservation=paid`);
    expect(session.cancelUrl).toBe(`${origins[1]}/deals/${shopper.dealId}?reservation=cancelled`);
  });

  it('when the card is declined, the page says so and the reservation keeps waiting for payment', async () => {
    const { storefront, shopper, checkout } = await shopperReserving();

    const declined = await payOnCheckoutPage(checkout.checkoutUrl, {
      ...GOOD_CARD,
      number: SANDBOX_DECLINED_CARD,
    });

    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('Your card was declined.');
    // The page records every event it sends before it answers: a decline sent none.
    expect(deliveriesOf(checkout.checkoutUrl)).toEqual([]);
    expect((await reservationRow(ctx, storefront.dealershipId, shopper.dealId)).status).toBe(
      'awaiting-payment',
    );
  });

  it('when the shopper starts again before paying, the first checkout is closed and a new one replaces it', async () => {
    const { shopper, checkout } = await shopperReserving();

    const again = await shopper.call('post', '/reservation').expect(201);

    const second = again.body as ReservationCheckout;
    expect(second.checkoutUrl).not.toBe(checkout.checkoutUrl);
    expect(sessionOf(checkout.checkoutUrl).status).toBe('expired');
    expect(sessionOf(second.checkoutUrl).status).toBe('open');
    expect(await shopper.call('get').expect(200)).toHaveProperty(
      'body.reservation.id',
      second.reservation.id,
    );
  });

  it('the replaced checkout stays on record, and a payment that still arrives for it is refunded, not held', async () => {
    const { storefront, shopper, checkout } = await shopperReserving();
    const again = await shopper.call('post', '/reservation').expect(201);
    const { dealershipId } = storefront;

    const kept = await forDealership(ctx.database.writer, dealershipId)
      .selectFrom('reservations')
      .select(['id', 'status'])
      .where('deal_id', '=', shopper.dealId)
      .orderBy('created_at')
      .execute();
    expect(kept).toEqual([
      { id: checkout.reservation.id, status: 'replaced' },
      { id: (again.body as ReservationCheckout).reservation.id, status: 'awaiting-payment' },
    ]);

    const late = await postEvent(
      completedEvent('evt_late_for_replaced', sessionOf(checkout.checkoutUrl).id, TEST_STRIPE_WEBHOOK_SECRET),
    ).expect(200);

    expect(late.body).toEqual({ received: true, outcome: 'refunded' });
    expect(await jobsOfKind(dealershipId, 'deposit-refund')).toEqual([
      expect.objectContaining({ payload: expect.stringContaining(sessionOf(checkout.checkoutUrl).id) }),
    ]);
    expect((await reservationRow(ctx, dealershipId, shopper.dealId)).status).toBe('awaiting-payment');
  });

  it('when the reservation cannot be stored, the checkout just started is closed so nobody can pay it', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);
    const deal = await new DealRepository(ctx.database.writer).find(storefront.dealershipId, shopper.dealId);
    const writer = ctx.database.writer;
    const failingWrites = new Proxy(writer, {
      get(target, property) {
        if (property === 'transaction')
          return () => ({ execute: () => Promise.reject(new Error('the database refused the write')) });
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { service } = composeReservations(ctx.config, {
      db: failingWrites,
      terms: new RetailTermsSource(ctx.database.writer),
      directory: ctx.retail.directory,
      catalog: ctx.retail.catalog,
      logger: testLogger(),
      clock: () => new Date(),
    });

    await expect(service.start(deal as NonNullable<typeof deal>)).rejects.toThrow('refused the write');

    const started = ctx.payments.sandbox.sessions().filter((s) => s.metadata['deal_id'] === shopper.dealId);
    expect(started.map((s) => s.status)).toEqual(['expired']);
    expect(await service.stored(storefront.dealershipId, shopper.dealId)).toBeNull();
  });

  it('a held reservation cannot be started again, and the deposit is not taken twice', async () => {
    const { shopper } = await shopperWhoPaid();

    const again = await shopper.call('post', '/reservation').expect(409);

    expect(again.body.detail).toContain('already reserved');
  });

  it('refuses to start when the dealership takes no deposit or the car is no longer for sale', async () => {
    const { storefront, vehicle } = await dealershipWithCar(ctx);
    const shopper = await startDeal(ctx, storefront, vehicle);

    ctx.peers.vehicles.set(storefront.dealershipId, []);
    const sold = await shopper.call('post', '/reservation').expect(409);
    expect(sold.body.detail).toContain('no longer for sale');

    const owner = await ctx.member('owner', storefront.dealershipId);
    const desk = atDesk(ctx, owner, storefront.dealershipId);
    const settings = await desk.get('/settings').expect(200);
    const { version: _v, updatedAt: _u, ...update } = settings.body;
    await request(ctx.app)
      .put('/api/retail/settings')
      .auth(owner.token, { type: 'bearer' })
      .set('X-Dealership-Id', storefront.dealershipId)
      .set('If-Match', settings.headers['etag'] as string)
      .send({ ...update, reservation: { depositCents: 0, holdHours: 48 } })
      .expect(200);
    const off = await shopper.call('post', '/reservation').expect(409);
    expect(off.body.detail).toContain('does not take reservations');
  });

  it('when the event is late, opening the deal asks the provider and holds the reservation', async () => {
    ctx.payments.webhookDown.value = true;
    try {
      const { storefront, shopper, checkout } = await shopperReserving();
      await payOnCheckoutPage(checkout.checkoutUrl);
      await deliveryRefused(checkout.checkoutUrl);
      expect((await reservationRow(ctx, storefront.dealershipId, shopper.dealId)).status).toBe(
        'awaiting-payment',
      );

      const opened = await shopper.call('get').expect(200);

      expect(opened.body.reservation).toMatchObject({ id: checkout.reservation.id, status: 'held' });
      expect(opened.body.reservation.heldUntil).not.toBeNull();
    } finally {
      ctx.payments.webhookDown.value = false;
    }
  });
});

describe('lists and jobs read the reservation as stored; only one opened deal asks the provider', () => {
  it('a payment the webhook has not told yet shows as stored in lists and as paid on the opened deal', async () => {
    ctx.payments.webhookDown.value = true;
    try {
      const { storefront, shopper, checkout } = await shopperReserving();
      await payOnCheckoutPage(checkout.checkoutUrl);
      const { service } = reservationModule();
      const { dealershipId } = storefront;

      expect(await service.stored(dealershipId, shopper.dealId)).toMatchObject({
        status: 'awaiting-payment',
      });
      const listed = await service.storedForDeals(dealershipId, [shopper.dealId, checkout.reservation.id]);
      expect([...listed.keys()]).toEqual([shopper.dealId]);
      expect(listed.get(shopper.dealId)).toMatchObject({ status: 'awaiting-payment' });
      expect((await reservationRow(ctx, dealershipId, shopper.dealId)).status).toBe('awaiting-payment');

      expect(await service.caughtUp(dealershipId, shopper.dealId)).toMatchObject({
        id: checkout.reservation.id,
        status: 'held',
      });
      expect(await service.stored(dealershipId, shopper.dealId)).toMatchObject({ status: 'held' });
    } finally {
      ctx.payments.webhookDown.value = false;
    }
  });
});

describe('the payment webhook believes only the provider’s signature, once per event', () => {
  it('a forged event (wrong secret, or no signature) answers 400 and holds nothing', async () => {
    const { storefront, shopper, checkout } = await shopperReserving();
    const sessionId = sessionOf(checkout.checkoutUrl).id;

    const forged = await postEvent(
      completedEvent('evt_forged', sessionId, 'whsec_not_the_endpoint_secret'),
    ).expect(400);
    const unsigned = await request(ctx.app).post(PAYMENT_WEBHOOK_PATH).send('{}').expect(400);

    expect(forged.headers['content-type']).toContain('application/problem+json');
    expect(forged.body.invalidParams?.[0]?.name ?? unsigned.body.invalidParams?.[0]?.name).toBe(
      'Stripe-Signature',
    );
    expect((await reservationRow(ctx, storefront.dealershipId, shopper.dealId)).status).toBe(
      'awaiting-payment',
    );
  });

  it('a correctly signed event that is too old is refused (a captured event cannot be replayed later)', async () => {
    const { storefront, shopper, checkout } = await shopperReserving();
    const sessionId = sessionOf(checkout.checkoutUrl).id;
    const anHourAgo = Math.floor(Date.now() / 1000) - 3_600;

    await postEvent(completedEvent('evt_old', sessionId, TEST_STRIPE_WEBHOOK_SECRET, anHourAgo)).expect(400);

    expect((await reservationRow(ctx, storefront.dealershipId, shopper.dealId)).status).toBe(
      'awaiting-payment',
    );
  });

  it('the same event delivered again changes nothing: one hold, one timeline entry', async () => {
    const { storefront, shopper, checkout } = await shopperWhoPaid();
    const delivered = ctx.payments.sandbox
      .deliveries()
      .find((d) => d.sessionId === sessionOf(checkout.checkoutUrl).id);

    const replay = await postEvent(
      completedEvent(
        delivered?.eventId as string,
        delivered?.sessionId as string,
        TEST_STRIPE_WEBHOOK_SECRET,
      ),
    ).expect(200);

    expect(replay.body).toEqual({ received: true, outcome: 'already-handled' });
    expect(await jobsOfKind(storefront.dealershipId, 'vehicle-hold')).toHaveLength(1);
    const paidEntries = (await activityOf(storefront.dealershipId, shopper.dealId)).filter(
      (a) => a.kind === 'reservation-paid',
    );
    expect(paidEntries).toHaveLength(1);
  });

  it('a paid event for a session no reservation knows is ignored, whatever reservation its metadata names', async () => {
    const { storefront, shopper, checkout } = await shopperReserving();
    const { dealershipId } = storefront;

    const foreign = await postEvent(
      completedEvent('evt_foreign', 'cs_test_another_integration', TEST_STRIPE_WEBHOOK_SECRET, undefined, {
        reservation_id: checkout.reservation.id,
        dealership_id: dealershipId,
        showroom_reservation_id: checkout.reservation.id,
      }),
    ).expect(200);

    expect(foreign.body).toEqual({ received: true, outcome: 'ignored' });
    expect(await jobsOfKind(dealershipId, 'deposit-refund')).toEqual([]);
    expect(await jobsOfKind(dealershipId, 'vehicle-hold')).toEqual([]);
    expect((await reservationRow(ctx, dealershipId, shopper.dealId)).status).toBe('awaiting-payment');
  });

  it('an unsigned-for event type is acknowledged and ignored', async () => {
    const body = JSON.stringify({
      id: 'evt_other',
      object: 'event',
      type: 'customer.created',
      data: { object: {} },
    });

    const res = await postEvent({
      body,
      signature: stripeSignature(body, TEST_STRIPE_WEBHOOK_SECRET),
    }).expect(200);

    expect(res.body).toEqual({ received: true, outcome: 'ignored' });
  });
});

describe('a held reservation ends: by itself, by the desk, or because the car was gone', () => {
  it('when the hold time has passed, the sweep releases the car, refunds the deposit and tells the shopper', async () => {
    const { storefront, vehicle, shopper, checkout } = await shopperWhoPaid();
    await runJobs(ctx);
    expect(ctx.peers.holds.has(vehicle.id)).toBe(true);
    await forDealership(ctx.database.writer, storefront.dealershipId)
      .updateTable('reservations')
      .set({ held_until: new Date(Date.now() - 1_000) })
      .where('id', '=', checkout.reservation.id)
      .execute();

    expect(await expirySweep().runDue()).toBeGreaterThanOrEqual(1);
    await runJobs(ctx);

    const row = await reservationRow(ctx, storefront.dealershipId, shopper.dealId);
    expect(row.status).toBe('expired');
    expect(ctx.peers.holds.has(vehicle.id)).toBe(false);
    expect(sessionOf(checkout.checkoutUrl).refundedAmount).toBe(50_000);
    const mail = await ctx.sink.waitFor(
      (m) => m.to.includes('dana.driver@example.com') && m.subject.includes('has ended'),
    );
    expect(mail.text).toContain('Your deposit of $500.00 is refunded');
    expect(await activityOf(storefront.dealershipId, shopper.dealId)).toContainEqual(
      expect.objectContaining({ actor: 'Showroom', kind: 'reservation-released' }),
    );
    expect(await expirySweep().runDue()).toBe(0);
  });

  it('a manager releases it at the desk: the car is for sale again and the deposit refunded, once', async () => {
    const { storefront, vehicle, shopper, checkout } = await shopperWhoPaid();
    await runJobs(ctx);
    const manager = await ctx.member('manager', storefront.dealershipId, 'Max Manager');

    const released = await atDesk(ctx, manager, storefront.dealershipId)
      .post(`/deals/${shopper.dealId}/reservation/release`, {})
      .expect(200);
    await runJobs(ctx);

    expect(released.body).toMatchObject({ id: checkout.reservation.id, status: 'released' });
    expect(ctx.peers.holds.has(vehicle.id)).toBe(false);
    expect(sessionOf(checkout.checkoutUrl).refundedAmount).toBe(50_000);
    expect(await activityOf(storefront.dealershipId, shopper.dealId)).toContainEqual(
      expect.objectContaining({ actor: 'Max Manager', kind: 'reservation-released' }),
    );
    await atDesk(ctx, manager, storefront.dealershipId)
      .post(`/deals/${shopper.dealId}/reservation/release`, {})
      .expect(409);
  });

  it('the desk releases a reservation whose payment it has not heard of yet: the deposit paid meanwhile is refunded', async () => {
    ctx.payments.webhookDown.value = true;
    try {
      const { storefront, shopper, checkout } = await shopperReserving();
      await payOnCheckoutPage(checkout.checkoutUrl);
      const manager = await ctx.member('manager', storefront.dealershipId, 'Max Manager');

      const released = await atDesk(ctx, manager, storefront.dealershipId)
        .post(`/deals/${shopper.dealId}/reservation/release`, {})
        .expect(200);
      await runJobs(ctx);

      expect(released.body).toMatchObject({ status: 'released', paidAt: expect.any(String) });
      expect(sessionOf(checkout.checkoutUrl).refundedAmount).toBe(50_000);
      const kinds = (await activityOf(storefront.dealershipId, shopper.dealId)).map((a) => a.kind);
      expect(kinds.filter((k) => k.startsWith('reservation-'))).toEqual([
        'reservation-paid',
        'reservation-released',
      ]);
    } finally {
      ctx.payments.webhookDown.value = false;
    }
  });

  it('when inventory says the car was taken meanwhile, the reservation fails, the deposit is refunded and the shopper told', async () => {
    const { storefront, vehicle, shopper, checkout } = await shopperWhoPaid();
    ctx.peers.holds.set(vehicle.id, {
      vehicleId: vehicle.id,
      reservationId: '00000000-0000-4000-8000-000000000001',
      until: new Date(Date.now() + 3_600_000).toISOString(),
    });

    await runJobs(ctx);

    expect((await reservationRow(ctx, storefront.dealershipId, shopper.dealId)).status).toBe('failed');
    expect(sessionOf(checkout.checkoutUrl).refundedAmount).toBe(50_000);
    const mail = await ctx.sink.waitFor(
      (m) => m.to.includes('dana.driver@example.com') && m.subject.startsWith('We could not reserve'),
    );
    expect(mail.text).toContain('no longer available');
    expect(await activityOf(storefront.dealershipId, shopper.dealId)).toContainEqual(
      expect.objectContaining({ actor: 'Showroom', kind: 'reservation-released' }),
    );
  });
});

describe('a refund for a checkout the provider does not know', () => {
  it('is done at once with a warning, not retried', async () => {
    const { storefront } = await dealershipWithCar(ctx);
    await ctx.database.writer
      .transaction()
      .execute((trx) =>
        enqueueDepositRefund(trx, storefront.dealershipId, { sessionId: 'cs_test_unknown_to_the_provider' }),
      );

    await runJobs(ctx);

    expect(await jobsOfKind(storefront.dealershipId, 'deposit-refund')).toEqual([
      expect.objectContaining({ state: 'done' }),
    ]);
    expect(
      ctx.logLines.some(
        (line) => line.includes('cs_test_unknown_to_the_provider') && line.includes('does not know'),
      ),
    ).toBe(true);
  });
});

describe('a reservation is its dealership’s alone', () => {
  it('another dealership’s shopper route and desk answer 404, and a viewer may not release', async () => {
    const { storefront, shopper } = await shopperWhoPaid();
    const other = ctx.newDealership();
    const otherManager = await ctx.member('manager', other.dealershipId);
    const viewer = await ctx.member('viewer', storefront.dealershipId);

    await request(ctx.app)
      .post(`${publicDeals(other.dealershipId)}/${shopper.dealId}/reservation`)
      .set('Origin', other.siteOrigins[0] as string)
      .set('X-Deal-Access', shopper.accessToken)
      .expect(404);
    await atDesk(ctx, otherManager, other.dealershipId)
      .post(`/deals/${shopper.dealId}/reservation/release`, {})
      .expect(404);
    await atDesk(ctx, viewer, storefront.dealershipId)
      .post(`/deals/${shopper.dealId}/reservation/release`, {})
      .expect(403);

    expect((await reservationRow(ctx, storefront.dealershipId, shopper.dealId)).status).toBe('held');
  });
});
