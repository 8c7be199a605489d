import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import type { VehicleInput } from '@showroom/contracts';
import { factsOfNewRow, recordVehicleEvents, vehicleEventsOf } from '../analytics/vehicle-events';
import type { InventoryDatabase } from '../database';
import { newVehicleRow } from '../vehicles/vehicle-row';

const BATCH = 1000;

export type GeneratedVehicle = VehicleInput & { ageDays: number };

export async function countVehicles(db: Kysely<InventoryDatabase>, dealershipId: string): Promise<number> {
  const row = await forDealership(db, dealershipId)
    .selectFrom('vehicles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface GeneratedVehicleOptions {
  /** The id of each vehicle (default: a random one). */
  idOf?: (vehicle: GeneratedVehicle) => string;
  /**
   * Write each on-lot vehicle's `vehicle_listed` outbox row, dated when it was received, in the
   * batch's transaction: analytics then ages the demo lot from the same dates the inventory shows.
   */
  announceListings?: boolean;
}

/** Inserts generated vehicles in batches; each was received `ageDays` before `now`. */
export async function insertGeneratedVehicles(
  db: Kysely<InventoryDatabase>,
  dealershipId: string,
  vehicles: GeneratedVehicle[],
  now: Date,
  options: GeneratedVehicleOptions = {},
): Promise<number> {
  for (let start = 0; start < vehicles.length; start += BATCH) {
    const rows = vehicles.slice(start, start + BATCH).map((generated) => {
      const { ageDays, ...vehicle } = generated;
      const received = new Date(now.getTime() - ageDays * 86_400_000);
      const { dealership_id: _dealership, ...row } = newVehicleRow(
        options.idOf?.(generated) ?? randomUUID(),
        dealershipId,
        vehicle,
        received,
      );
      return row;
    });
    await db.transaction().execute(async (trx) => {
      const tenant = forDealership(trx, dealershipId);
      await tenant.insertInto('vehicles').values(rows).execute();
      if (options.announceListings) {
        await recordVehicleEvents(
          tenant,
          rows.flatMap((row) => {
            const received = row.created_at ?? now;
            return vehicleEventsOf(null, factsOfNewRow(row, received), received);
          }),
        );
      }
    });
  }
  return vehicles.length;
}
