import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { RetailDatabase } from '../database';
import type { JobHandlers, RetailJob } from '../jobs/job-runner';
import type { PaymentProvider } from './payment-provider';
import {
  DEPOSIT_REFUND_JOB,
  DepositRefundJobSchema,
  VEHICLE_HOLD_JOB,
  VEHICLE_RELEASE_JOB,
  VehicleHoldJobSchema,
  VehicleReleaseJobSchema,
} from './reservation-job-kinds';
import { endReservation, SHOWROOM_ACTOR } from './reservation-endings';
import type { VehicleHolds } from './reservation-ports';
import { ReservationRepository } from './reservation-repository';

export interface ReservationJobDeps {
  db: Kysely<RetailDatabase>;
  vehicles: VehicleHolds;
  provider: PaymentProvider;
  clock: () => Date;
  logger: Logger;
}

/**
 * The reservation's work on other systems, run by the retail outbox (each safe to run again):
 * holding the car in inventory once the deposit is paid, releasing it when the reservation ends,
 * and refunding the deposit.
 */
export class ReservationJobs {
  constructor(private readonly deps: ReservationJobDeps) {}

  readonly handlers: JobHandlers = {
    [VEHICLE_HOLD_JOB]: (job) => this.holdVehicle(job),
    [VEHICLE_RELEASE_JOB]: (job) => this.releaseVehicle(job),
    [DEPOSIT_REFUND_JOB]: (job) => this.refundDeposit(job),
  };

  /**
   * Holds the car (status pending) for the paid reservation. When inventory says it was sold or held
   * for someone else meanwhile, the reservation fails: the deposit is refunded and the shopper told.
   */
  async holdVehicle(job: RetailJob): Promise<void> {
    const { reservationId, vehicleId, until } = VehicleHoldJobSchema.parse(job.payload);
    const reservations = new ReservationRepository(this.deps.db);
    if ((await reservations.find(job.dealershipId, reservationId))?.status !== 'held') return;
    const answer = await this.deps.vehicles.hold(job.dealershipId, vehicleId, { reservationId, until });
    if (answer === 'held') {
      // Released while inventory was answering: the hold just placed must not outlive it.
      if ((await reservations.find(job.dealershipId, reservationId))?.status !== 'held') {
        await this.deps.vehicles.release(job.dealershipId, vehicleId, reservationId);
      }
      return;
    }
    const failed = await this.deps.db.transaction().execute(async (trx) => {
      const row = await new ReservationRepository(trx).findLocked(job.dealershipId, reservationId);
      if (row?.status !== 'held') return false;
      return endReservation(trx, row, 'failed', SHOWROOM_ACTOR, this.deps.clock());
    });
    if (failed) {
      this.deps.logger.warn(
        { dealershipId: job.dealershipId, reservationId, vehicleId },
        'reserved vehicle was no longer available: reservation failed, deposit refunded',
      );
    }
  }

  async releaseVehicle(job: RetailJob): Promise<void> {
    const { reservationId, vehicleId } = VehicleReleaseJobSchema.parse(job.payload);
    await this.deps.vehicles.release(job.dealershipId, vehicleId, reservationId);
  }

  async refundDeposit(job: RetailJob): Promise<void> {
    const { sessionId } = DepositRefundJobSchema.parse(job.payload);
    if ((await this.deps.provider.refund(sessionId)) === 'unknown-session') {
      // Retrying cannot help; someone should look at the provider's dashboard.
      this.deps.logger.warn(
        { dealershipId: job.dealershipId, sessionId },
        'deposit refund asked for a checkout the payment provider does not know; nothing refunded',
      );
    }
  }
}
