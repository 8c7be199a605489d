import type { Kysely } from 'kysely';
import type { Reservation } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { RetailDatabase } from '../database';
import type { DealRow } from '../deals/deal-repository';
import type { DepositPayment } from './deposit-payment';
import type { PaymentProvider } from './payment-provider';
import { endReservation } from './reservation-endings';
import { ReservationRepository } from './reservation-repository';
import { providerUnavailable } from './reservation-service';
import { reservationView } from './reservation-view';

export interface ReservationReleaseDeps {
  db: Kysely<RetailDatabase>;
  provider: PaymentProvider;
  payments: DepositPayment;
  clock: () => Date;
}

/**
 * The desk releases a deal's reservation by hand: a held one gives the car back to inventory and
 * the deposit back to the shopper; one still waiting for payment has its checkout closed first (if
 * the shopper paid in the meantime, it is held, then released and refunded like any other).
 */
export class ReservationRelease {
  constructor(private readonly deps: ReservationReleaseDeps) {}

  async byDesk(deal: DealRow, actor: string): Promise<Reservation> {
    const reservations = new ReservationRepository(this.deps.db);
    const found = await reservations.forDeal(deal.dealership_id, deal.id);
    if (!found || (found.status !== 'held' && found.status !== 'awaiting-payment')) {
      throw problems.conflict('The deal has no reservation to release (none, or it has ended already).');
    }
    if (found.status === 'awaiting-payment' && found.checkout_session_id) {
      const sessionId = found.checkout_session_id;
      const state = await this.deps.provider.closeCheckout(sessionId).catch((error: unknown) => {
        throw providerUnavailable(error);
      });
      if (state.paid) await this.deps.payments.confirm(deal.dealership_id, found.id, state);
    }
    const released = await this.deps.db.transaction().execute(async (trx) => {
      const row = await new ReservationRepository(trx).findLocked(deal.dealership_id, found.id);
      if (!row || (row.status !== 'held' && row.status !== 'awaiting-payment')) return false;
      return endReservation(trx, row, 'released', actor, this.deps.clock());
    });
    if (!released) throw problems.conflict('The reservation ended meanwhile; look at the deal again.');
    const row = await reservations.find(deal.dealership_id, found.id);
    return reservationView(row ?? found);
  }
}
