import type { Kysely } from 'kysely';
import {
  ALL_DEMO_DEALERSHIPS,
  DEMO_LOT_SIZE,
  demoVehicleId,
  generateDemoVehicles,
  seedFromText,
} from '@showroom/demo-data';
import type { InventoryDatabase } from '../database';
import { countVehicles, insertGeneratedVehicles } from './insert-generated-vehicles';

/** The demo analytics history assumes this lot (same generator, seed and size). */
export const DEMO_VEHICLES_PER_DEALERSHIP = DEMO_LOT_SIZE;

/**
 * Idempotent: a dealership that already has vehicles is left alone, so a dealer's own changes to
 * the demo survive a restart. Vehicle ids come from the stock number (`demoVehicleId`), as the demo
 * analytics history names them, so its shopper views point at these cars; each car on the lot is
 * announced to analytics (vehicle_listed, dated when it arrived), while the history tells the story
 * of the few the seed marks sold.
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
    added += await insertGeneratedVehicles(db, dealership.id, vehicles, now, {
      idOf: (vehicle) => demoVehicleId(dealership.id, vehicle.stockNumber),
      announceListings: true,
    });
  }
  return added;
}
