import type { Transaction } from 'kysely';
import { formatCents } from '@showroom/retail-payments';
import type { RetailDatabase } from '../database';
import { recordActivity } from '../deals/activity';
import { queueDealLeadUpdate } from '../deals/deal-lead-updates';
import { cleanFirstName } from '../deals/deal-mail-text';
import { DealRepository } from '../deals/deal-repository';
import { vehicleOf } from '../deals/deal-views';
import { enqueueShopperMail } from '../mail/shopper-mail';
import { HOUR_MS } from './deposit-payment';
import { enqueueDepositRefund, enqueueVehicleRelease } from './reservation-job-kinds';
import { reservationEndedMail, type ReservationEnding } from './reservation-mail';
import { ReservationRepository, type ReservationRow } from './reservation-repository';

/** Actor of what Showroom does by itself (the expiry sweep, a refused hold). */
export const SHOWROOM_ACTOR = 'Showroom';

function activityText(ending: ReservationEnding, row: ReservationRow): string {
  const deposit = formatCents(Number(row.deposit_cents));
  if (row.paid_at === null) return 'Released the reservation before its deposit was paid.';
  switch (ending) {
    case 'released':
      return `Released the reservation: the vehicle is for sale again and the ${deposit} deposit is refunded.`;
    case 'expired': {
      const hours = Math.round(((row.held_until?.getTime() ?? 0) - row.paid_at.getTime()) / HOUR_MS);
      return `The ${hours}-hour hold ended: the vehicle is for sale again and the ${deposit} deposit is refunded.`;
    }
    case 'failed':
      return `The vehicle was no longer available when the deposit arrived: the reservation failed and the ${deposit} deposit is refunded.`;
  }
}

/**
 * Ends a reservation in the caller's transaction, if it is still in the state `row` shows: its new
 * status, the hold taken off the vehicle (when one was asked for), the deposit refunded (when paid),
 * an entry on the deal's timeline, and an e-mail telling the shopper. False when it had changed.
 */
export async function endReservation(
  trx: Transaction<RetailDatabase>,
  row: ReservationRow,
  ending: ReservationEnding,
  actor: string,
  now: Date,
): Promise<boolean> {
  const dealershipId = row.dealership_id;
  const ended = await new ReservationRepository(trx).update(dealershipId, row.id, [row.status], {
    status: ending,
    released_at: now,
  });
  if (!ended) return false;
  if (row.status === 'held' && ending !== 'failed') {
    await enqueueVehicleRelease(trx, dealershipId, { reservationId: row.id, vehicleId: row.vehicle_id });
  }
  await recordActivity(trx, dealershipId, row.deal_id, {
    actor,
    kind: 'reservation-released',
    text: activityText(ending, row),
  });
  const deal = await new DealRepository(trx).find(dealershipId, row.deal_id);
  if (deal) await queueDealLeadUpdate(trx, deal);
  if (row.paid_at === null || row.checkout_session_id === null) return true;
  await enqueueDepositRefund(trx, dealershipId, { sessionId: row.checkout_session_id });
  if (deal) {
    const mail = reservationEndedMail(ending, {
      dealId: deal.id,
      firstName: cleanFirstName(deal.shopper_first_name),
      vehicle: vehicleOf(deal),
      depositCents: Number(row.deposit_cents),
    });
    await enqueueShopperMail(trx, dealershipId, mail, `reservation-ended:${row.id}`);
  }
  return true;
}
