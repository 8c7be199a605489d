import type { Kysely } from 'kysely';
import type { LeadsDatabase } from '../database';
import type { VehicleLookup } from '../routing/vehicle-lookup';
import type { OutboxEvent } from '../outbox/events';
import { leadFacts } from './lead-facts';

/** Links the car the shopper named (VIN or stock number) to the inventory record, when it exists. */
export function resolveVehicleHandler(db: Kysely<LeadsDatabase>, inventory: VehicleLookup) {
  return async (event: OutboxEvent): Promise<void> => {
    const facts = await leadFacts(db, event.dealershipId, event.leadId);
    const lead = facts?.lead;
    if (!lead || lead.vehicle_id || (!lead.vehicle_vin && !lead.vehicle_stock)) return;
    const vehicle = await inventory.find(event.dealershipId, {
      vin: lead.vehicle_vin,
      stockNumber: lead.vehicle_stock,
    });
    if (!vehicle) return;
    await db
      .updateTable('leads')
      .set({
        vehicle_id: vehicle.id,
        vehicle_vin: vehicle.vin,
        vehicle_stock: vehicle.stockNumber,
        vehicle_year: vehicle.year,
        vehicle_make: vehicle.make,
        vehicle_model: vehicle.model,
        vehicle_trim: vehicle.trim,
        vehicle_condition: vehicle.condition,
        vehicle_price_cents: vehicle.priceCents,
      })
      .where('dealership_id', '=', event.dealershipId)
      .where('id', '=', event.leadId)
      .execute();
  };
}
