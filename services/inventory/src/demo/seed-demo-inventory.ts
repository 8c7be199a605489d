import type { Kysely } from 'kysely';
import { ALL_DEMO_DEALERSHIPS, generateDemoVehicles, seedFromText } from '@showroom/demo-data';
import type { InventoryDatabase } from '../database';
import { countVehicles, insertGeneratedVehicles } from './insert-generated-vehicles';

export const DEMO_VEHICLES_PER_DEALERSHIP = 60;

/**
 * Idempotent: a dealership that already has vehicles is left alone, so a dealer's own changes to
 * the demo survive a restart.
 */
export async function seedDemoInventory(db: Kysely<InventoryDatabase>, now = new Date()): Promise<number> {
  let added = 0;
  for (const [index, dealership] of ALL_DEMO_DEALERSHIPS.entries()) {
    if ((await countVehicles(db, dealership.id)) > 0) continue;
    const vehicles = generateDemoVehicles({
      count: DEMO_VEHICLES_PER_DEALERSHIP,
      seed: seedFromText(dealership.slug),
      currentYear: now.getUTCFullYear(),
      serialOffset: index * 10_000,
    });
    added += await insertGeneratedVehicles(db, dealership.id, vehicles, now);
  }
  return added;
}
