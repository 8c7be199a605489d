import type { Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import { generateDemoVehicles, seedFromText } from '@showroom/demo-data';
import type { InventoryDatabase } from '../database';
import { countVehicles, insertGeneratedVehicles } from './insert-generated-vehicles';

/** Dealership ids of the benchmark tenants: stable, so a second run reuses the seeded data. */
export function benchDealershipIds(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  );
}

/** Seeds `perDealership` vehicles into each benchmark dealership that does not have them yet. */
export async function seedBenchInventory(
  db: Kysely<InventoryDatabase>,
  dealerships: number,
  perDealership: number,
  now = new Date(),
): Promise<number> {
  let added = 0;
  for (const [index, dealershipId] of benchDealershipIds(dealerships).entries()) {
    if ((await countVehicles(db, dealershipId)) === perDealership) continue;
    await forDealership(db, dealershipId).deleteFrom('vehicles').execute();
    const vehicles = generateDemoVehicles({
      count: perDealership,
      seed: seedFromText(dealershipId),
      currentYear: now.getUTCFullYear(),
      serialOffset: index * perDealership,
    });
    added += await insertGeneratedVehicles(db, dealershipId, vehicles, now);
  }
  return added;
}
