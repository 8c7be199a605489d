import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ALL_DEMO_DEALERSHIPS, generateDemoVehicles, seedFromText } from '@showroom/demo-data';
import type { InventoryDatabase } from '../database';
import { columnsFromInput } from '../vehicles/vehicle-row';

export const DEMO_VEHICLES_PER_DEALERSHIP = 60;

/**
 * Idempotent: a dealership that already has vehicles is left alone, so a dealer's own changes to
 * the demo survive a restart.
 */
export async function seedDemoInventory(db: Kysely<InventoryDatabase>, now = new Date()): Promise<number> {
  let added = 0;
  for (const [index, dealership] of ALL_DEMO_DEALERSHIPS.entries()) {
    const existing = await db
      .selectFrom('vehicles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dealership_id', '=', dealership.id)
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) continue;
    const vehicles = generateDemoVehicles({
      count: DEMO_VEHICLES_PER_DEALERSHIP,
      seed: seedFromText(dealership.slug),
      currentYear: now.getUTCFullYear(),
      serialOffset: index * 10_000,
    });
    const rows = vehicles.map(({ ageDays, ...vehicle }) => {
      const receivedAt = new Date(now.getTime() - ageDays * 86_400_000);
      return {
        ...columnsFromInput(vehicle),
        id: randomUUID(),
        dealership_id: dealership.id,
        vin: vehicle.vin,
        stock_number: vehicle.stockNumber,
        vehicle_condition: vehicle.condition,
        year: vehicle.year,
        make: vehicle.make,
        model: vehicle.model,
        mileage: vehicle.mileage,
        currency: vehicle.currency ?? 'USD',
        status: vehicle.status ?? 'available',
        version: 1,
        created_at: receivedAt,
        updated_at: receivedAt,
      };
    });
    await db.insertInto('vehicles').values(rows).execute();
    added += rows.length;
  }
  return added;
}
