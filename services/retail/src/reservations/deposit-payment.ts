import type { Kysely } from 'kysely';
import { formatCents } from '@showroom/retail-payments';
import type { RetailDatabase } from '../database';
import { recordActivity } from '../deals/activity';
import { queueDealLeadUpdate } from '../deals/deal-lead-updates';
import { DealRepository } from '../deals/deal-repository';
import type { CheckoutState } from './payment-provider';
import { enqueueDepositRefund, enqueueVehicleHold } from './reservation-job-kinds';
import type { ReservationTermsSource } from './reservation-ports';
import { ReservationRepository } from './reservation-repository';

/** Hold hours in milliseconds. */
export const HOUR_MS = 3_600_000;

/** What a paid checkout did: held the vehicle, nothing (already counted), or sent the money back. */
export type PaymentOutcome = 'held' | 'already-handled' | 'refunded';

export interface DepositPaymentDeps {
  db: Kysely<RetailDatabase>;
  terms: ReservationTermsSource;
  clock: () => Date;
}

/**
 * A deposit was paid (the provider's event, or the provider asked when the deal was opened): the
 * reservation is held for the dealership's hold hours from now, inventory is asked to hold the car
 * (job), and the deal's timeline says so. A payment that no reservation waits for any more (a
 * released one, or a checkout that was replaced) is refunded rather than kept.
 */
export class DepositPayment {
  constructor(private readonly deps: DepositPaymentDeps) {}

  /**
   * `eventId` (the provider's event) makes a second delivery of the same event a no-op. Only a
   * checkout that is paid counts.
   */
  async confirm(
    dealershipId: string,
    reservationId: string,
    checkout: CheckoutState,
    eventId?: string,
  ): Promise<PaymentOutcome> {
    if (!checkout.paid) return 'already-handled';
    const { reservation } = await this.deps.terms.of(dealershipId);
    return this.deps.db.transaction().execute(async (trx) => {
      const reservations = new ReservationRepository(trx);
      if (eventId !== undefined && !(await reservations.recordEvent(dealershipId, eventId))) {
        return 'already-handled';
      }
      const row = await reservations.findLocked(dealershipId, reservationId);
      if (row?.status === 'held' && row.checkout_session_id === checkout.sessionId) return 'already-handled';
      if (row?.status !== 'awaiting-payment' || row.checkout_session_id !== checkout.sessionId) {
        await enqueueDepositRefund(trx, dealershipId, { sessionId: checkout.sessionId });
        return 'refunded';
      }
      const paidAt = this.deps.clock();
      const heldUntil = new Date(paidAt.getTime() + reservation.holdHours * HOUR_MS);
      await reservations.update(dealershipId, row.id, ['awaiting-payment'], {
        status: 'held',
        paid_at: paidAt,
        held_until: heldUntil,
      });
      await enqueueVehicleHold(trx, dealershipId, {
        reservationId: row.id,
        vehicleId: row.vehicle_id,
        until: heldUntil.toISOString(),
      });
      await recordActivity(trx, dealershipId, row.deal_id, {
        actor: 'Shopper',
        kind: 'reservation-paid',
        text:
          `Paid a ${formatCents(Number(row.deposit_cents))} deposit to reserve the vehicle: ` +
          `it is held for ${reservation.holdHours} hours.`,
      });
      const deal = await new DealRepository(trx).find(dealershipId, row.deal_id);
      if (deal) await queueDealLeadUpdate(trx, deal);
      return 'held';
    });
  }
}
