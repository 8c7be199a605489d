import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { VehicleInput } from '@showroom/contracts';
import type { InventoryDatabase } from '../database';
import { newVehicleRow } from '../vehicles/vehicle-row';

const BATCH = 1000;

export type GeneratedVehicle = VehicleInput & { ageDays: number };

export async function countVehicles(db: Kysely<InventoryDatabase>, dealershipId: string): Promise<number> {
  const row = await db
    .selectFrom('vehicles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dealership_id', '=', dealershipId)
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
    const rows = vehicles
      .slice(start, start + BATCH)
      .map(({ ageDays, ...vehicle }) =>
        newVehicleRow(randomUUID(), dealershipId, vehicle, new Date(now.getTime() - ageDays * 86_400_000)),
      );
    await db.insertInto('vehicles').values(rows).execute();
  }
  return vehicles.length;
}
