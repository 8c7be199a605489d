import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { problems } from '@showroom/server-kit';
import { acrossDealerships } from '@showroom/server-mysql';
import type { RetailDatabase } from '../database';
import type { DepositPayment, PaymentOutcome } from './deposit-payment';
import { InvalidPaymentEvent, type PaymentProvider } from './payment-provider';

export interface PaymentWebhookDeps {
  db: Kysely<RetailDatabase>;
  provider: PaymentProvider;
  payments: DepositPayment;
  logger: Logger;
}

/** What the webhook answers the provider (a 2xx stops its retries). */
export interface WebhookReceipt {
  received: true;
  outcome: PaymentOutcome | 'ignored';
}

/**
 * The provider's events (at least once, in any order): only a verified signature is read at all; a
 * paid checkout holds its reservation once per event id (payment_events), and a repeat, a replay or
 * an event of no interest changes nothing.
 */
export class PaymentWebhook {
  constructor(private readonly deps: PaymentWebhookDeps) {}

  async receive(rawBody: Buffer, signature: string | undefined): Promise<WebhookReceipt> {
    const event = this.verified(rawBody, signature);
    if (event.kind === 'ignored') return { received: true, outcome: 'ignored' };
    const target = await this.reservationOf(event.checkout.sessionId);
    if (!target) {
      // Not a checkout of ours (another integration on the same account, whatever its metadata
      // says): acknowledged, left alone. Every checkout we started keeps its reservation row.
      this.deps.logger.warn({ eventId: event.eventId }, 'payment event for a checkout no reservation knows');
      return { received: true, outcome: 'ignored' };
    }
    const outcome = await this.deps.payments.confirm(
      target.dealershipId,
      target.reservationId,
      event.checkout,
      event.eventId,
    );
    this.deps.logger.info(
      {
        eventId: event.eventId,
        dealershipId: target.dealershipId,
        reservationId: target.reservationId,
        outcome,
      },
      'payment event handled',
    );
    return { received: true, outcome };
  }

  private verified(rawBody: Buffer, signature: string | undefined) {
    try {
      return this.deps.provider.verifyEvent(rawBody, signature);
    } catch (error) {
      if (!(error instanceof InvalidPaymentEvent)) throw error;
      throw problems.validation(
        [{ name: 'Stripe-Signature', reason: error.message }],
        'The event is not signed by the payment provider with this endpoint’s secret.',
      );
    }
  }

  /**
   * The event names a checkout session, not a dealership: the reservation is found by the session
   * alone (never by the event's metadata, which any session on the account may carry).
   */
  private async reservationOf(
    sessionId: string,
  ): Promise<{ dealershipId: string; reservationId: string } | null> {
    const row = await acrossDealerships(this.deps.db)
      .selectFrom('reservations')
      .select(['id', 'dealership_id'])
      .where('checkout_session_id', '=', sessionId)
      .executeTakeFirst();
    return row ? { dealershipId: row.dealership_id, reservationId: row.id } : null;
  }
}
