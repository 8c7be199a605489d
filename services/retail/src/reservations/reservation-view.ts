import type { Reservation } from '@showroom/contracts';
import type { ReservationRow } from './reservation-repository';

/** A reservation as the shopper and the desk see it. */
export function reservationView(row: ReservationRow): Reservation {
  return {
    id: row.id,
    status: row.status,
    depositCents: Number(row.deposit_cents),
    paidAt: row.paid_at?.toISOString() ?? null,
    heldUntil: row.held_until?.toISOString() ?? null,
  };
}
