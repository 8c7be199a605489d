import { randomInt } from 'node:crypto';
import { StripeApiError } from './stripe-errors';
import {
  unixNow,
  type CheckoutLineItem,
  type CheckoutSessionObject,
  type PaymentIntentObject,
  type RefundObject,
} from './stripe-objects';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An id as Stripe makes them: a type prefix and random letters and digits. */
export function stripeId(prefix: string, length = 24): string {
  let id = `${prefix}_`;
  for (let i = 0; i < length; i++) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}

export interface NewCheckoutSession {
  lineItems: CheckoutLineItem[];
  currency: string;
  successUrl: string;
  cancelUrl: string | null;
  clientReferenceId: string | null;
  customerEmail: string | null;
  metadata: Record<string, string>;
  /** Unix seconds; Stripe's default is 24 hours after creation. */
  expiresAt: number | null;
  /** The Stripe-Version the session was created with: its events are rendered in it. */
  apiVersion: string;
}

/** A checkout session as a test sees it: what was asked for, what happened, what was refunded. */
export interface SandboxSession {
  id: string;
  status: CheckoutSessionObject['status'];
  paymentStatus: CheckoutSessionObject['payment_status'];
  amountTotal: number;
  currency: string;
  lineItems: CheckoutLineItem[];
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  successUrl: string;
  cancelUrl: string | null;
  paymentIntent: string | null;
  /** The paying card's brand and last four digits (nothing else of a card is kept). */
  card: { brand: string; last4: string } | null;
  refundedAmount: number;
  createdAt: Date;
}

interface StoredSession {
  object: CheckoutSessionObject;
  lineItems: CheckoutLineItem[];
  apiVersion: string;
  card: { brand: string; last4: string } | null;
}

const DAY_SECONDS = 24 * 60 * 60;

/** The sandbox's account: its checkout sessions, the payments they made and the refunds of those. */
export class SandboxLedger {
  private readonly sessions = new Map<string, StoredSession>();
  private readonly intents = new Map<string, PaymentIntentObject>();
  private readonly refunds: RefundObject[] = [];

  constructor(private readonly pageUrl: (sessionId: string) => string) {}

  createSession(input: NewCheckoutSession): CheckoutSessionObject {
    const created = unixNow();
    const amount = input.lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
    const id = stripeId('cs_test', 58);
    const object: CheckoutSessionObject = {
      id,
      object: 'checkout.session',
      amount_subtotal: amount,
      amount_total: amount,
      cancel_url: input.cancelUrl,
      client_reference_id: input.clientReferenceId,
      created,
      currency: input.currency,
      customer_email: input.customerEmail,
      expires_at: input.expiresAt ?? created + DAY_SECONDS,
      livemode: false,
      metadata: input.metadata,
      mode: 'payment',
      payment_intent: null,
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      status: 'open',
      success_url: input.successUrl,
      ui_mode: 'hosted',
      url: this.pageUrl(id),
    };
    this.sessions.set(id, { object, lineItems: input.lineItems, apiVersion: input.apiVersion, card: null });
    return { ...object };
  }

  /** The session as the API answers it now (an open session past its time is expired). */
  session(id: string): CheckoutSessionObject | undefined {
    const stored = this.stored(id);
    return stored && { ...stored.object };
  }

  lineItems(id: string): CheckoutLineItem[] {
    return this.stored(id)?.lineItems ?? [];
  }

  apiVersionOf(id: string): string {
    return this.existing(id).apiVersion;
  }

  /** POST /v1/checkout/sessions/:id/expire: only an open session can be. */
  expireSession(id: string): CheckoutSessionObject {
    const stored = this.existing(id);
    if (stored.object.status !== 'open') {
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${stored.object.status}".`,
        'checkout_session_not_open',
      );
    }
    stored.object = { ...stored.object, status: 'expired', url: null };
    return { ...stored.object };
  }

  /** The shopper paid on the hosted page: the session completes with a succeeded PaymentIntent. */
  completeSession(id: string, card: { brand: string; last4: string }): CheckoutSessionObject {
    const stored = this.existing(id);
    if (stored.object.status !== 'open') {
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `This Checkout Session is ${stored.object.status}.`,
      );
    }
    const intent: PaymentIntentObject = {
      id: stripeId('pi'),
      object: 'payment_intent',
      amount: stored.object.amount_total,
      amount_received: stored.object.amount_total,
      created: unixNow(),
      currency: stored.object.currency,
      latest_charge: stripeId('ch'),
      livemode: false,
      metadata: {},
      payment_method_types: ['card'],
      status: 'succeeded',
    };
    this.intents.set(intent.id, intent);
    stored.card = card;
    stored.object = {
      ...stored.object,
      status: 'complete',
      payment_status: 'paid',
      payment_intent: intent.id,
      url: null,
    };
    return { ...stored.object };
  }

  /** POST /v1/refunds: the whole payment unless `amount` says less; never more than is left. */
  refund(input: {
    paymentIntent: string;
    amount: number | null;
    reason: string | null;
    metadata: Record<string, string>;
  }): RefundObject {
    const intent = this.intents.get(input.paymentIntent);
    if (!intent) throw StripeApiError.noSuch('payment_intent', input.paymentIntent, 'payment_intent');
    const left = intent.amount_received - this.refundedOf(intent.id);
    if (left <= 0) {
      throw new StripeApiError(
        400,
        'invalid_request_error',
        `Charge ${intent.latest_charge} has already been refunded.`,
        'charge_already_refunded',
      );
    }
    const amount = input.amount ?? left;
    if (amount > left) {
      throw StripeApiError.invalidParam(
        'amount',
        `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ($${(left / 100).toFixed(2)})`,
      );
    }
    const refund: RefundObject = {
      id: stripeId('re'),
      object: 'refund',
      amount,
      charge: intent.latest_charge,
      created: unixNow(),
      currency: intent.currency,
      metadata: input.metadata,
      payment_intent: intent.id,
      reason: input.reason,
      status: 'succeeded',
    };
    this.refunds.push(refund);
    return { ...refund };
  }

  snapshot(): SandboxSession[] {
    return [...this.sessions.keys()].map((id) => {
      const stored = this.existing(id);
      const { object } = stored;
      return {
        id,
        status: object.status,
        paymentStatus: object.payment_status,
        amountTotal: object.amount_total,
        currency: object.currency,
        lineItems: stored.lineItems.map((item) => ({ ...item })),
        clientReferenceId: object.client_reference_id,
        metadata: { ...object.metadata },
        successUrl: object.success_url,
        cancelUrl: object.cancel_url,
        paymentIntent: object.payment_intent,
        card: stored.card && { ...stored.card },
        refundedAmount: object.payment_intent ? this.refundedOf(object.payment_intent) : 0,
        createdAt: new Date(object.created * 1000),
      };
    });
  }

  private refundedOf(paymentIntent: string): number {
    return this.refunds
      .filter((refund) => refund.payment_intent === paymentIntent)
      .reduce((sum, refund) => sum + refund.amount, 0);
  }

  private stored(id: string): StoredSession | undefined {
    const stored = this.sessions.get(id);
    if (stored && stored.object.status === 'open' && stored.object.expires_at <= unixNow()) {
      stored.object = { ...stored.object, status: 'expired', url: null };
    }
    return stored;
  }

  private existing(id: string): StoredSession {
    const stored = this.stored(id);
    if (!stored) throw StripeApiError.noSuch('checkout.session', id, 'session');
    return stored;
  }
}
