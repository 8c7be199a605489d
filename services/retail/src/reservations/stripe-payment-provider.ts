import Stripe from 'stripe';
import {
  InvalidPaymentEvent,
  PaymentProviderUnavailable,
  type CheckoutState,
  type DepositCheckout,
  type DepositCheckoutInput,
  type PaymentEvent,
  type PaymentProvider,
  type RefundOutcome,
} from './payment-provider';
import { STRIPE_API_ORIGIN, type PaymentsConfig } from './config';

/** Metadata keys on the checkout session, for people reading Stripe's dashboard (never trusted back). */
const RESERVATION_KEY = 'reservation_id';
const DEALERSHIP_KEY = 'dealership_id';
const DEAL_KEY = 'deal_id';

/** Stripe's address, or another API speaking Stripe's (the payments sandbox), as client options. */
export function stripeClientOptions(apiUrl: string): Stripe.StripeConfig {
  const options: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 10_000, telemetry: false };
  if (new URL(apiUrl).origin === STRIPE_API_ORIGIN) return options;
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    ...options,
    host: url.hostname,
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
  };
}

const stateOf = (session: Stripe.Checkout.Session): CheckoutState => ({
  sessionId: session.id,
  paid: session.payment_status === 'paid',
  open: session.status === 'open',
});

const idOf = (value: string | { id: string } | null): string | null =>
  value === null ? null : typeof value === 'string' ? value : value.id;

/** Whether Stripe answered that it has no such object. */
const isMissing = (error: unknown): boolean =>
  error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing';

/** Whether Stripe (or the way to it) failed, rather than refusing what was asked. */
function isOutage(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return false;
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error.statusCode ?? 0) >= 500
  );
}

/**
 * Deposits through Stripe Checkout (hosted page, mode payment, one USD line item): the reservation
 * and dealership ride along as client_reference_id and metadata, events are verified with the
 * endpoint's signing secret, refunds go by the session's PaymentIntent with an idempotency key.
 * No shopper contact detail is sent: Checkout asks the payer for an e-mail itself.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe';
  private readonly stripe: Stripe;

  constructor(
    private readonly config: Pick<
      PaymentsConfig,
      'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'STRIPE_API_URL'
    >,
  ) {
    this.stripe = new Stripe(config.STRIPE_SECRET_KEY, stripeClientOptions(config.STRIPE_API_URL));
  }

  async startCheckout(input: DepositCheckoutInput): Promise<DepositCheckout> {
    const session = await this.call(() =>
      this.stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: 'usd',
                unit_amount: input.depositCents,
                product_data: { name: 'Reservation deposit', description: input.description },
              },
            },
          ],
          client_reference_id: input.reservationId,
          metadata: {
            [RESERVATION_KEY]: input.reservationId,
            [DEALERSHIP_KEY]: input.dealershipId,
            [DEAL_KEY]: input.dealId,
          },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
        },
        // One session per reservation, however often the request is retried.
        { idempotencyKey: `deposit-checkout-${input.reservationId}` },
      ),
    );
    if (!session.url)
      throw new PaymentProviderUnavailable('Stripe answered a checkout session without its page');
    return { sessionId: session.id, checkoutUrl: session.url };
  }

  /**
   * A session Stripe does not know (the sandbox restarted, or a session of another account) can no
   * longer be paid: it counts as closed and unpaid.
   */
  async checkout(sessionId: string): Promise<CheckoutState> {
    try {
      return stateOf(await this.call(() => this.stripe.checkout.sessions.retrieve(sessionId)));
    } catch (error) {
      if (isMissing(error)) return { sessionId, paid: false, open: false };
      throw error;
    }
  }

  async closeCheckout(sessionId: string): Promise<CheckoutState> {
    const current = await this.checkout(sessionId);
    if (!current.open) return current;
    try {
      return stateOf(await this.call(() => this.stripe.checkout.sessions.expire(sessionId)));
    } catch (error) {
      // Paid (or expired) between the two calls: Stripe refuses to expire it; say how it stands.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return this.checkout(sessionId);
      throw error;
    }
  }

  async refund(sessionId: string): Promise<RefundOutcome> {
    let session: Stripe.Checkout.Session;
    try {
      session = await this.call(() => this.stripe.checkout.sessions.retrieve(sessionId));
    } catch (error) {
      // Stripe does not know it (the sandbox restarted, another account): nothing to give back.
      if (isMissing(error)) return 'unknown-session';
      throw error;
    }
    const paymentIntent = idOf(session.payment_intent);
    if (session.payment_status !== 'paid' || !paymentIntent) return 'not-paid';
    try {
      await this.call(() =>
        this.stripe.refunds.create(
          { payment_intent: paymentIntent, reason: 'requested_by_customer' },
          { idempotencyKey: `deposit-refund-${sessionId}` },
        ),
      );
    } catch (error) {
      if (
        !(error instanceof Stripe.errors.StripeInvalidRequestError) ||
        error.code !== 'charge_already_refunded'
      )
        throw error;
    }
    return 'refunded';
  }

  verifyEvent(rawBody: Buffer, signature: string | undefined): PaymentEvent {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature ?? '',
        this.config.STRIPE_WEBHOOK_SECRET,
      );
    } catch (error) {
      throw new InvalidPaymentEvent(
        error instanceof Error ? error.message.split('\n')[0] : 'the event could not be verified',
      );
    }
    if (
      event.type !== 'checkout.session.completed' &&
      event.type !== 'checkout.session.async_payment_succeeded'
    ) {
      return { eventId: event.id, kind: 'ignored', type: event.type };
    }
    const session = event.data.object;
    return {
      eventId: event.id,
      kind: 'checkout-paid',
      checkout: stateOf(session),
    };
  }

  /** Runs a call to Stripe; an outage becomes PaymentProviderUnavailable (the cause kept). */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (isOutage(error)) {
        throw new PaymentProviderUnavailable('Stripe is not answering just now', { cause: error });
      }
      throw error;
    }
  }
}
