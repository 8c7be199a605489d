import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox';
import { stripeSignature } from './webhook-sender';

const SECRET_KEY = 'sk_test_sandbox_tests';
const WEBHOOK_SECRET = 'whsec_sandbox_tests';

/** The merchant's webhook endpoint: keeps what arrives, answers with the statuses it is told to. */
class WebhookEndpoint {
  readonly received: { body: string; headers: IncomingHttpHeaders }[] = [];
  statuses: number[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
        res.statusCode = this.statuses.shift() ?? 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/payments`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function eventually<T>(read: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the payments sandbox, driven by the real stripe client and a browser-like HTTP client', () => {
  const endpoint = new WebhookEndpoint();
  let sandbox: PaymentsSandbox;
  let stripe: Stripe;

  beforeAll(async () => {
    await endpoint.start();
    sandbox = await startPaymentsSandbox({
      webhookUrl: endpoint.url,
      webhookSecret: WEBHOOK_SECRET,
      secretKey: SECRET_KEY,
      webhookRetryDelaysMs: [50, 100],
    });
    stripe = new Stripe(SECRET_KEY, {
      host: '127.0.0.1',
      port: sandbox.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterAll(async () => {
    await sandbox.close();
    await endpoint.close();
  });
  afterEach(() => {
    endpoint.received.length = 0;
    endpoint.statuses = [];
  });

  const depositSession = (overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
    stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: 'usd',
            unit_amount: 50_000,
            product_data: { name: 'Reservation deposit', description: '2022 Honda Accord EX' },
          },
        },
      ],
      client_reference_id: 'reservation-1',
      metadata: { reservation_id: 'reservation-1', dealership_id: 'dealership-1' },
      success_url: 'http://shop.localhost/deals/d1?reservation=paid',
      cancel_url: 'http://shop.localhost/deals/d1?reservation=cancelled',
      ...overrides,
    });

  const payPage = (url: string) => fetch(url, { redirect: 'manual' });
  const submitCard = (sessionId: string, card: Record<string, string>) =>
    fetch(`${sandbox.url}/pay/${sessionId}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(card).toString(),
    });
  const goodCard = { cardNumber: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123', name: 'Pat Shopper' };

  it('creates a checkout session from the form-encoded parameters and answers it again by id', async () => {
    const session = await depositSession();

    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 50_000,
      currency: 'usd',
      client_reference_id: 'reservation-1',
      metadata: { reservation_id: 'reservation-1', dealership_id: 'dealership-1' },
      payment_intent: null,
      url: `${sandbox.url}/pay/${session.id}`,
    });
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]+$/);
    await expect(stripe.checkout.sessions.retrieve(session.id)).resolves.toMatchObject({
      id: session.id,
      status: 'open',
    });
  });

  it('refuses a wrong API key, a missing parameter and an unknown session as Stripe does', async () => {
    const stranger = new Stripe('sk_test_someone_else', {
      host: '127.0.0.1',
      port: sandbox.port,
      protocol: 'http',
    });
    await expect(stranger.checkout.sessions.retrieve('cs_test_x')).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
    await expect(depositSession({ success_url: undefined })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      param: 'success_url',
      code: 'parameter_missing',
    });
    await expect(stripe.checkout.sessions.retrieve('cs_test_nothing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('when the shopper pays with 4242 4242 4242 4242, the session completes, a signed event reaches the webhook and the browser goes to success_url', async () => {
    const session = await depositSession();

    const page = await payPage(session.url as string);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<h1>Pay $500.00</h1>');
    for (const label of ['Card number', 'Expiry date', 'Security code (CVC)', 'Name on card']) {
      expect(html).toMatch(new RegExp(`<label for="[a-z-]+">${label.replace(/[()]/g, '\\$&')}</label>`));
    }
    expect(html).toContain(`action="/pay/${session.id}"`);

    const paid = await submitCard(session.id, goodCard);
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe('http://shop.localhost/deals/d1?reservation=paid');

    const delivery = await eventually(() => endpoint.received[0], 'the webhook');
    const event = stripe.webhooks.constructEvent(
      delivery.body,
      delivery.headers['stripe-signature'] as string,
      WEBHOOK_SECRET,
    );
    expect(event.type).toBe('checkout.session.completed');
    const completed = event.data.object as Stripe.Checkout.Session;
    expect(completed).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid' });
    expect(completed.payment_intent).toMatch(/^pi_/);
    expect(() =>
      stripe.webhooks.constructEvent(
        delivery.body,
        delivery.headers['stripe-signature'] as string,
        'whsec_other',
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);

    await expect(stripe.checkout.sessions.retrieve(session.id)).resolves.toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      payment_intent: completed.payment_intent,
      url: null,
    });
    const kept = sandbox.sessions().find((s) => s.id === session.id);
    expect(kept?.card).toEqual({ brand: 'visa', last4: '4242' });
    expect(JSON.stringify(sandbox.sessions())).not.toContain('4242 4242');
  });

  it('when the card is declined, the page says so beside the form and the session stays open with no event sent', async () => {
    const session = await depositSession();

    const declined = await submitCard(session.id, { ...goodCard, cardNumber: '4000 0000 0000 0002' });
    const html = await declined.text();

    expect(declined.status).toBe(402);
    expect(html).toContain('<p role="alert" id="payment-error">Your card was declined.</p>');
    expect(html).toMatch(
      /id="card-number"[^>]*aria-describedby="card-number-hint payment-error" aria-invalid="true"/,
    );
    await expect(stripe.checkout.sessions.retrieve(session.id)).resolves.toMatchObject({
      status: 'open',
      payment_status: 'unpaid',
    });
    // The page records every event it sends before it answers: none for a declined card.
    expect(sandbox.deliveries().filter((d) => d.sessionId === session.id)).toEqual([]);
    expect(endpoint.received).toHaveLength(0);
  });

  it('refuses a card number that fails the checksum and an expiry in the past, naming the field', async () => {
    const session = await depositSession();

    const badNumber = await (
      await submitCard(session.id, { ...goodCard, cardNumber: '4242 4242 4242 4241' })
    ).text();
    const expired = await (await submitCard(session.id, { ...goodCard, expiry: '01 / 20' })).text();

    expect(badNumber).toContain('Your card number is invalid.');
    expect(expired).toContain('Your card’s expiration date is in the past.');
    expect(expired).toMatch(/id="card-expiry"[^>]*aria-invalid="true"/);
  });

  it('Cancel sends the browser to cancel_url and leaves the session open', async () => {
    const session = await depositSession();

    const html = await (await payPage(session.url as string)).text();
    const cancel = /<a class="cancel" href="([^"]+)">Cancel and go back<\/a>/.exec(html)?.[1] as string;
    const response = await payPage(new URL(cancel, sandbox.url).toString());

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('http://shop.localhost/deals/d1?reservation=cancelled');
    await expect(stripe.checkout.sessions.retrieve(session.id)).resolves.toMatchObject({ status: 'open' });
  });

  it('retries a delivery the webhook failed, with a fresh signature each time', async () => {
    endpoint.statuses = [500, 503];
    const session = await depositSession();

    await submitCard(session.id, goodCard);

    const delivered = await eventually(
      () => sandbox.deliveries().find((d) => d.sessionId === session.id && d.delivered),
      'a successful delivery',
    );
    expect(delivered.attempts).toBe(3);
    expect(new Set(endpoint.received.map((r) => JSON.parse(r.body).id)).size).toBe(1);
    for (const { body, headers } of endpoint.received) {
      expect(() =>
        stripe.webhooks.constructEvent(body, headers['stripe-signature'] as string, WEBHOOK_SECRET),
      ).not.toThrow();
    }
  });

  it('gives up after the last retry and says so in deliveries()', async () => {
    endpoint.statuses = [500, 500, 500];
    const session = await depositSession();

    await submitCard(session.id, goodCard);

    const givenUp = await eventually(
      () => sandbox.deliveries().find((d) => d.sessionId === session.id && !d.retrying),
      'the delivery to end',
    );
    expect(givenUp).toMatchObject({ attempts: 3, delivered: false, lastStatus: 500, retrying: false });
    expect(endpoint.received).toHaveLength(3);
  });

  it('refunds a paid session by its payment intent once; the same idempotency key replays the same refund', async () => {
    const session = await depositSession();
    await submitCard(session.id, goodCard);
    const { payment_intent } = await stripe.checkout.sessions.retrieve(session.id);

    const refund = await stripe.refunds.create(
      { payment_intent: payment_intent as string },
      { idempotencyKey: `refund-${session.id}` },
    );
    const replay = await stripe.refunds.create(
      { payment_intent: payment_intent as string },
      { idempotencyKey: `refund-${session.id}` },
    );

    expect(refund).toMatchObject({ object: 'refund', amount: 50_000, status: 'succeeded', payment_intent });
    expect(replay.id).toBe(refund.id);
    await expect(stripe.refunds.create({ payment_intent: payment_intent as string })).rejects.toMatchObject({
      code: 'charge_already_refunded',
    });
    expect(sandbox.sessions().find((s) => s.id === session.id)?.refundedAmount).toBe(50_000);
  });

  it('expires an open session: its page says so and it can no longer be paid', async () => {
    const session = await depositSession();

    await expect(stripe.checkout.sessions.expire(session.id)).resolves.toMatchObject({
      status: 'expired',
      url: null,
    });
    const page = await (await payPage(session.url as string)).text();
    const attempt = await submitCard(session.id, goodCard);

    expect(page).toContain('This checkout has expired');
    expect(attempt.status).toBe(409);
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('signs as Stripe does: the helper agrees with stripe.webhooks.generateTestHeaderString', () => {
    const payload = JSON.stringify({ id: 'evt_1' });
    const timestamp = 1_700_000_000;
    expect(stripeSignature(payload, WEBHOOK_SECRET, timestamp)).toBe(
      stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp }),
    );
  });
});
