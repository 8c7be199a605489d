import type { Reservation } from '@showroom/contracts';
import type { ReservationRepository } from './reservation-repository';
import { reservationView } from './reservation-view';

/** The reservation part of a deal's view (shopper and desk). */
export class ReservationService {
  constructor(private readonly reservations: ReservationRepository) {}

  /** The deal's reservation, or null when the shopper has not started one. */
  async forDeal(dealershipId: string, dealId: string): Promise<Reservation | null> {
    const row = await this.reservations.forDeal(dealershipId, dealId);
    return row ? reservationView(row) : null;
  }
}
