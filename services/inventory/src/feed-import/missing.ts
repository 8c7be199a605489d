import { sql } from 'kysely';
import type { MissingVehicleAction } from '@showroom/contracts';
import type { DealershipQueries } from '@showroom/server-mysql';
import { recordVehicleEvents, VEHICLE_FACT_COLUMNS, vehicleEventsOf } from '../analytics/vehicle-events';
import type { InventoryDatabase } from '../database';

/** The lot's vehicles (available or pending) whose VIN the import has not seen. */
const missingFrom = (tenant: DealershipQueries<InventoryDatabase>, importId: string) =>
  tenant
    .selectFrom('vehicles')
    .where('status', 'in', ['available', 'pending'])
    .where(
      'vin',
      'not in',
      tenant.selectFrom('feed_import_vins').select('vin').where('import_id', '=', importId),
    );

/** Share of the lot one import may remove without the dealer's confirmation (`allowLargeRemoval`). */
export const MAX_REMOVAL_SHARE = 0.3;
/** A removal of this many cars is never "large" (a small lot sells a few in a day). */
const ALWAYS_REMOVABLE = 5;

export const removesTooMany = (missing: number, lot: number): boolean =>
  missing > ALWAYS_REMOVABLE && missing > lot * MAX_REMOVAL_SHARE;

/** How many of the lot's vehicles (available or pending) the import has not seen, and the lot's size. */
export async function missingShare(
  tenant: DealershipQueries<InventoryDatabase>,
  importId: string,
): Promise<{ missing: number; lot: number }> {
  const missing = await missingFrom(tenant, importId)
    .select(sql<number>`COUNT(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const lot = await tenant
    .selectFrom('vehicles')
    .where('status', 'in', ['available', 'pending'])
    .select(sql<number>`COUNT(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return { missing: Number(missing.n), lot: Number(lot.n) };
}

/**
 * One step of a full feed's end, in the caller's transaction: up to `limit` vehicles the feed no
 * longer lists are marked sold, archived or deleted (each with its change-feed row and its analytics
 * event; a deleted one's photo rows go with it), and counted on the job. Answers the vehicles it handled (none: done) and
 * those it deleted, whose photo files the caller removes after the commit. Repeating it after a
 * crash goes on with the ones left, since handled vehicles are off the lot. `keep` only counts
 * them, once.
 */
export async function handleMissing(
  tenant: DealershipQueries<InventoryDatabase>,
  importId: string,
  action: MissingVehicleAction,
  limit: number,
  now: Date,
): Promise<{ handled: number; deleted: string[] }> {
  if (action === 'keep') {
    const { count } = await missingFrom(tenant, importId)
      .select(sql<number>`COUNT(*)`.as('count'))
      .executeTakeFirstOrThrow();
    await tenant
      .updateTable('feed_imports')
      .set({ missing_count: Number(count) })
      .where('id', '=', importId)
      .execute();
    return { handled: 0, deleted: [] };
  }
  const vehicles = await missingFrom(tenant, importId)
    .select(VEHICLE_FACT_COLUMNS)
    .limit(limit)
    .forUpdate()
    .execute();
  if (vehicles.length === 0) return { handled: 0, deleted: [] };
  const ids = vehicles.map((vehicle) => vehicle.id);
  if (action === 'delete') {
    await tenant.deleteFrom('vehicles').where('id', 'in', ids).execute();
    await tenant.deleteFrom('vehicle_photos').where('vehicle_id', 'in', ids).execute();
    await tenant.deleteFrom('feed_photo_lists').where('vehicle_id', 'in', ids).execute();
  } else {
    await tenant
      .updateTable('vehicles')
      .set({
        status: action === 'mark_sold' ? 'sold' : 'archived',
        version: sql<number>`version + 1`,
        updated_at: now,
      })
      .where('id', 'in', ids)
      .execute();
  }
  // Each leaves the lot: a sale when marked sold, a removal when archived or deleted.
  const status = action === 'mark_sold' ? 'sold' : 'archived';
  await recordVehicleEvents(
    tenant,
    vehicles.flatMap((vehicle) =>
      vehicleEventsOf(vehicle, action === 'delete' ? null : { ...vehicle, status }, now),
    ),
  );
  await tenant
    .insertInto('vehicle_changes')
    .values(ids.map((vehicle_id) => ({ vehicle_id })))
    .execute();
  await tenant
    .updateTable('feed_imports')
    .set({ missing_count: sql<number>`missing_count + ${ids.length}`, heartbeat_at: now })
    .where('id', '=', importId)
    .execute();
  return { handled: ids.length, deleted: action === 'delete' ? ids : [] };
}
