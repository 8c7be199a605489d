/**
 * The payment provider port: a hosted checkout page for a reservation's deposit, its outcome, the
 * provider's signed events, and refunds. Card details only ever reach the provider's own page.
 */

/** What the shopper pays for, and where their browser comes back to. */
export interface DepositCheckoutInput {
  reservationId: string;
  dealershipId: string;
  dealId: string;
  depositCents: number;
  /** The vehicle, as the line item's description (e.g. "2024 Toyota Camry SE, stock #R1001"). */
  description: string;
  successUrl: string;
  cancelUrl: string;
}

export interface DepositCheckout {
  sessionId: string;
  /** The provider's page the shopper's browser is sent to. */
  checkoutUrl: string;
}

/** Where a checkout stands at the provider. */
export interface CheckoutState {
  sessionId: string;
  /** Paid in full. */
  paid: boolean;
  /** Still payable (the page takes a card). */
  open: boolean;
}

/** A verified event from the provider. */
export type PaymentEvent =
  | {
      eventId: string;
      kind: 'checkout-paid';
      checkout: CheckoutState;
    }
  | { eventId: string; kind: 'ignored'; type: string };

/** What a refund did: `unknown-session` when the provider has no such checkout. */
export type RefundOutcome = 'refunded' | 'not-paid' | 'unknown-session';

/** The event's signature is missing, malformed, too old or not the provider's. */
export class InvalidPaymentEvent extends Error {
  override name = 'InvalidPaymentEvent';
}

/** The provider did not answer (down, timed out, rate-limited, or its own error); try again later. */
export class PaymentProviderUnavailable extends Error {
  override name = 'PaymentProviderUnavailable';
}

export interface PaymentProvider {
  /** Stored on the reservation (`reservations.provider`). */
  readonly name: string;
  startCheckout(input: DepositCheckoutInput): Promise<DepositCheckout>;
  checkout(sessionId: string): Promise<CheckoutState>;
  /** Closes an open checkout so it can no longer be paid; its state afterwards (it may have been paid). */
  closeCheckout(sessionId: string): Promise<CheckoutState>;
  /**
   * Gives back what the checkout was paid, once (repeats are harmless); nothing when it was not
   * paid, or when the provider does not know the session (nothing there to give back).
   */
  refund(sessionId: string): Promise<RefundOutcome>;
  /** Verifies an event exactly as received (raw body and signature header), or throws InvalidPaymentEvent. */
  verifyEvent(rawBody: Buffer, signature: string | undefined): PaymentEvent;
}
