import type { Kysely } from 'kysely';
import type { Vehicle } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { LeadRow, LeadsDatabase } from '../database';
import type { OutboxEvent } from '../outbox/events';
import type { VehicleLookup } from '../routing/vehicle-lookup';
import { leadFacts } from './lead-facts';

/** Where a lead keeps the car it is about. */
export type LeadVehicleColumns = Pick<
  LeadRow,
  | 'vehicle_id'
  | 'vehicle_vin'
  | 'vehicle_stock'
  | 'vehicle_year'
  | 'vehicle_make'
  | 'vehicle_model'
  | 'vehicle_trim'
  | 'vehicle_condition'
  | 'vehicle_price_cents'
>;

/**
 * Links the car the shopper named (VIN or stock number) to the inventory record, when it exists,
 * and copies the inventory's description onto the lead; a car named by its inventory id (a deal's
 * lead) is described the same way. Returns the lead as it is afterwards.
 */
export async function matchVehicle(
  db: Kysely<LeadsDatabase>,
  inventory: VehicleLookup,
  lead: LeadRow,
): Promise<LeadRow> {
  const inventoryHasMore = lead.vehicle_id
    ? lead.vehicle_vin === null
    : Boolean(lead.vehicle_vin || lead.vehicle_stock);
  if (!inventoryHasMore) return lead;
  const vehicle = await inventory.find(lead.dealership_id, {
    id: lead.vehicle_id,
    vin: lead.vehicle_vin,
    stockNumber: lead.vehicle_stock,
  });
  if (!vehicle) return lead;
  const matched = vehicleColumnsOf(vehicle);
  await forDealership(db, lead.dealership_id)
    .updateTable('leads')
    .set(matched)
    .where('id', '=', lead.id)
    .execute();
  return { ...lead, ...matched };
}

/** A car as inventory describes it, in the lead's vehicle columns. */
export function vehicleColumnsOf(vehicle: Vehicle): LeadVehicleColumns {
  return {
    vehicle_id: vehicle.id,
    vehicle_vin: vehicle.vin,
    vehicle_stock: vehicle.stockNumber,
    vehicle_year: vehicle.year,
    vehicle_make: vehicle.make,
    vehicle_model: vehicle.model,
    vehicle_trim: vehicle.trim,
    vehicle_condition: vehicle.condition,
    vehicle_price_cents: vehicle.priceCents,
  };
}

/** The `resolve_vehicle` consumer: matches a new lead's vehicle to inventory. */
export function resolveVehicleHandler(db: Kysely<LeadsDatabase>, inventory: VehicleLookup) {
  return async (event: OutboxEvent): Promise<void> => {
    const facts = await leadFacts(db, event.dealershipId, event.leadId);
    if (facts) await matchVehicle(db, inventory, facts.lead);
  };
}
