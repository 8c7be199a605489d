import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { loggableError, PollingWorker } from '@showroom/server-kit';
import { acrossDealerships } from '@showroom/server-mysql';
import type { RetailDatabase } from '../database';
import { endReservation, SHOWROOM_ACTOR } from './reservation-endings';
import { ReservationRepository } from './reservation-repository';

/** Reservations ended per pass; the next pass comes straight after a full one. */
const BATCH = 50;

export interface ReservationExpiryDeps {
  db: Kysely<RetailDatabase>;
  clock: () => Date;
  intervalMs: number;
  logger: Logger;
}

/**
 * Ends every held reservation whose hold time has passed (status `expired`): the vehicle is released
 * in inventory and the deposit refunded (jobs), the deal's timeline and the shopper are told. Runs on
 * every instance; the row lock and the status check make each reservation end once.
 */
export class ReservationExpiry {
  /** The sweep on its timer: the service's background work. */
  readonly worker: PollingWorker;

  constructor(private readonly deps: ReservationExpiryDeps) {
    this.worker = new PollingWorker({
      name: 'reservation expiry',
      run: () => this.runDue(),
      intervalMs: deps.intervalMs,
      logger: deps.logger,
    });
  }

  /** Ends the holds that are due; how many ended. Exposed so tests can drive it without the timer. */
  async runDue(): Promise<number> {
    let ended = 0;
    for (;;) {
      const due = await this.due();
      let endedNow = 0;
      for (const reservation of due) {
        try {
          if (await this.expire(reservation.dealership_id, reservation.id)) endedNow++;
        } catch (error) {
          this.deps.logger.error(
            {
              error: loggableError(error),
              dealershipId: reservation.dealership_id,
              reservationId: reservation.id,
            },
            'reservation hold could not be ended; tried again at the next pass',
          );
        }
      }
      ended += endedNow;
      // A full batch that ended nothing is failing: the next pass tries again.
      if (due.length < BATCH || endedNow === 0) return ended;
    }
  }

  /** Expired holds of any dealership are released. */
  private due(): Promise<{ id: string; dealership_id: string }[]> {
    return acrossDealerships(this.deps.db)
      .selectFrom('reservations')
      .select(['id', 'dealership_id'])
      .where('status', '=', 'held')
      .where('held_until', '<=', this.deps.clock())
      .orderBy('held_until')
      .limit(BATCH)
      .execute();
  }

  private expire(dealershipId: string, reservationId: string): Promise<boolean> {
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await new ReservationRepository(trx).findLocked(dealershipId, reservationId);
      if (row?.status !== 'held' || row.held_until === null || row.held_until > this.deps.clock())
        return false;
      return endReservation(trx, row, 'expired', SHOWROOM_ACTOR, this.deps.clock());
    });
  }
}
