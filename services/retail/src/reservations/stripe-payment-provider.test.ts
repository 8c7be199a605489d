import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  freePort,
  SANDBOX_PAYING_CARD,
  startPaymentsSandbox,
  stripeSignature,
} from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import {
  InvalidPaymentEvent,
  PaymentProviderUnavailable,
  type DepositCheckoutInput,
} from './payment-provider';
import { StripePaymentProvider } from './stripe-payment-provider';

const KEYS = { STRIPE_SECRET_KEY: 'sk_test_adapter_tests', STRIPE_WEBHOOK_SECRET: 'whsec_adapter_tests' };

const deposit = (): DepositCheckoutInput => ({
  reservationId: randomUUID(),
  dealershipId: randomUUID(),
  dealId: randomUUID(),
  depositCents: 25_000,
  description: '2024 Toyota Camry SE, stock #R1001',
  successUrl: 'https://www.example.test/deals/d1?reservation=paid',
  cancelUrl: 'https://www.example.test/deals/d1?reservation=cancelled',
});

describe('the Stripe adapter, on the payments sandbox', () => {
  const sandbox = startForTheseTests(() =>
    startPaymentsSandbox({
      webhookUrl: 'http://127.0.0.1:9/nowhere',
      webhookSecret: KEYS.STRIPE_WEBHOOK_SECRET,
      secretKey: KEYS.STRIPE_SECRET_KEY,
      webhookRetryDelaysMs: [],
    }),
  );
  const provider = () => new StripePaymentProvider({ ...KEYS, STRIPE_API_URL: sandbox.url });

  const pay = async (checkoutUrl: string) => {
    const res = await fetch(checkoutUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        cardNumber: SANDBOX_PAYING_CARD,
        expiry: '12/34',
        cvc: '123',
        name: 'D D',
      }),
    });
    expect(res.status).toBe(303);
  };

  it('tells an open, a paid and an unknown checkout apart', async () => {
    const open = await provider().startCheckout(deposit());
    const paid = await provider().startCheckout(deposit());
    await pay(paid.checkoutUrl);

    await expect(provider().checkout(open.sessionId)).resolves.toEqual({
      sessionId: open.sessionId,
      paid: false,
      open: true,
    });
    await expect(provider().checkout(paid.sessionId)).resolves.toEqual({
      sessionId: paid.sessionId,
      paid: true,
      open: false,
    });
    await expect(provider().checkout('cs_test_forgotten')).resolves.toEqual({
      sessionId: 'cs_test_forgotten',
      paid: false,
      open: false,
    });
  });

  it('closing a checkout that was paid meanwhile says it is paid', async () => {
    const paid = await provider().startCheckout(deposit());
    await pay(paid.checkoutUrl);

    await expect(provider().closeCheckout(paid.sessionId)).resolves.toMatchObject({ paid: true });
  });

  it('refunds a paid checkout once however often asked, and an unpaid one not at all', async () => {
    const paid = await provider().startCheckout(deposit());
    const unpaid = await provider().startCheckout(deposit());
    await pay(paid.checkoutUrl);

    expect(await provider().refund(paid.sessionId)).toBe('refunded');
    expect(await provider().refund(paid.sessionId)).toBe('refunded');
    expect(await provider().refund(unpaid.sessionId)).toBe('not-paid');
    expect(await provider().refund('cs_test_nobody_started_this')).toBe('unknown-session');

    const sessions = sandbox.sessions();
    expect(sessions.find((s) => s.id === paid.sessionId)?.refundedAmount).toBe(25_000);
    expect(sessions.find((s) => s.id === unpaid.sessionId)?.refundedAmount).toBe(0);
  });

  it('reads a signed checkout.session.completed, ignores other types and refuses a bad signature', () => {
    const completed = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: 'cs_test_1',
          object: 'checkout.session',
          status: 'complete',
          payment_status: 'paid',
          client_reference_id: 'r-1',
          metadata: { reservation_id: 'r-1', dealership_id: 'd-1' },
        },
      },
    });
    const other = JSON.stringify({
      id: 'evt_2',
      object: 'event',
      type: 'charge.refunded',
      data: { object: {} },
    });
    const sign = (body: string, secret = KEYS.STRIPE_WEBHOOK_SECRET) => stripeSignature(body, secret);

    expect(provider().verifyEvent(Buffer.from(completed), sign(completed))).toEqual({
      eventId: 'evt_1',
      kind: 'checkout-paid',
      checkout: { sessionId: 'cs_test_1', paid: true, open: false },
    });
    expect(provider().verifyEvent(Buffer.from(other), sign(other))).toEqual({
      eventId: 'evt_2',
      kind: 'ignored',
      type: 'charge.refunded',
    });
    expect(() => provider().verifyEvent(Buffer.from(completed), sign(completed, 'whsec_other'))).toThrow(
      InvalidPaymentEvent,
    );
    expect(() => provider().verifyEvent(Buffer.from(completed), undefined)).toThrow(InvalidPaymentEvent);
  });

  it('says the provider is unavailable when it cannot be reached', async () => {
    const down = new StripePaymentProvider({
      ...KEYS,
      STRIPE_API_URL: `http://127.0.0.1:${await freePort()}`,
    });

    await expect(down.startCheckout(deposit())).rejects.toBeInstanceOf(PaymentProviderUnavailable);
  });
});
