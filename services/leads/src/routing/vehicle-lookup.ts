import { VehicleSchema, type Vehicle } from '@showroom/contracts';
import { z } from 'zod';
import { getFromService, type ServiceTokens } from '@showroom/server-kit';

/** How a lead names its car: by inventory id when known, else by VIN, else by stock number. */
export interface VehicleRef {
  id?: string | null;
  vin: string | null;
  stockNumber: string | null;
}

/** Finds the car a shopper asked about in the dealership's inventory. */
export interface VehicleLookup {
  find(dealershipId: string, ref: VehicleRef): Promise<Vehicle | null>;
}

const LookupSchema = z.object({ vehicle: VehicleSchema });

export class InventoryServiceLookup implements VehicleLookup {
  constructor(
    private readonly inventoryApiUrl: string,
    private readonly tokens: ServiceTokens,
  ) {}

  async find(dealershipId: string, ref: VehicleRef): Promise<Vehicle | null> {
    const query = ref.id
      ? `id=${encodeURIComponent(ref.id)}`
      : ref.vin
        ? `vin=${encodeURIComponent(ref.vin)}`
        : `stockNumber=${encodeURIComponent(ref.stockNumber ?? '')}`;
    const found = await getFromService(
      this.inventoryApiUrl,
      `/api/inventory/internal/dealerships/${encodeURIComponent(dealershipId)}/vehicles/lookup?${query}`,
      LookupSchema,
      this.tokens,
    );
    return found?.vehicle ?? null;
  }
}
