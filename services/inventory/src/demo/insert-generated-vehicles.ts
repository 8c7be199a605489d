import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import type { VehicleInput } from '@showroom/contracts';
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

/** Inserts generated vehicles in batches; each was received `ageDays` before `now`. */
export async function insertGeneratedVehicles(
  db: Kysely<InventoryDatabase>,
  dealershipId: string,
  vehicles: GeneratedVehicle[],
  now: Date,
): Promise<number> {
  for (let start = 0; start < vehicles.length; start += BATCH) {
    const rows = vehicles.slice(start, start + BATCH).map(({ ageDays, ...vehicle }) => {
      const received = new Date(now.getTime() - ageDays * 86_400_000);
      const { dealership_id: _dealership, ...row } = newVehicleRow(
        randomUUID(),
        dealershipId,
        vehicle,
        received,
      );
      return row;
    });
    await forDealership(db, dealershipId).insertInto('vehicles').values(rows).execute();
  }
  return vehicles.length;
}
