import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { RetailDatabase } from '../database';
import { enqueueJob } from '../jobs/enqueue';

type Db = Kysely<RetailDatabase> | Transaction<RetailDatabase>;

/** Job: put the paid reservation's vehicle on hold in inventory (status pending) until `until`. */
export const VEHICLE_HOLD_JOB = 'vehicle-hold';
export const VehicleHoldJobSchema = z.object({
  reservationId: z.uuid(),
  vehicleId: z.uuid(),
  until: z.iso.datetime(),
});
export type VehicleHoldJob = z.infer<typeof VehicleHoldJobSchema>;

/** Job: take the reservation's hold off the vehicle in inventory. */
export const VEHICLE_RELEASE_JOB = 'vehicle-release';
export const VehicleReleaseJobSchema = z.object({ reservationId: z.uuid(), vehicleId: z.uuid() });
export type VehicleReleaseJob = z.infer<typeof VehicleReleaseJobSchema>;

/** Job: give back what a checkout was paid. */
export const DEPOSIT_REFUND_JOB = 'deposit-refund';
export const DepositRefundJobSchema = z.object({ sessionId: z.string().min(1).max(255) });
export type DepositRefundJob = z.infer<typeof DepositRefundJobSchema>;

/** Each of these jobs happens once per reservation (or checkout): a repeat enqueue is ignored. */
export const enqueueVehicleHold = (db: Db, dealershipId: string, job: VehicleHoldJob) =>
  enqueueJob(db, dealershipId, {
    kind: VEHICLE_HOLD_JOB,
    payload: job,
    dedupeKey: `${VEHICLE_HOLD_JOB}:${job.reservationId}`,
  });

export const enqueueVehicleRelease = (db: Db, dealershipId: string, job: VehicleReleaseJob) =>
  enqueueJob(db, dealershipId, {
    kind: VEHICLE_RELEASE_JOB,
    payload: job,
    dedupeKey: `${VEHICLE_RELEASE_JOB}:${job.reservationId}`,
  });

export const enqueueDepositRefund = (db: Db, dealershipId: string, job: DepositRefundJob) =>
  enqueueJob(db, dealershipId, {
    kind: DEPOSIT_REFUND_JOB,
    payload: job,
    dedupeKey: `${DEPOSIT_REFUND_JOB}:${job.sessionId}`,
  });
