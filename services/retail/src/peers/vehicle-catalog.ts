import {
  PublicVehicleSchema,
  VehicleHoldSchema,
  type DealVehicle,
  type VehicleHoldInput,
} from '@showroom/contracts';
import { getFromService, sendToService, type ServiceTokens } from '@showroom/server-kit';
import { LRUCache } from 'lru-cache';
import { answered, askPeer, peerUnavailable } from './peer-errors';

const TTL_MS = 30_000;

/** What retail reads of inventory's public vehicle page. */
const ForSaleSchema = PublicVehicleSchema.pick({
  id: true,
  vin: true,
  stockNumber: true,
  year: true,
  make: true,
  model: true,
  trim: true,
  condition: true,
  priceCents: true,
  msrpCents: true,
  heroPhoto: true,
});

const vehiclePath = (dealershipId: string, vehicleId: string) =>
  `dealerships/${encodeURIComponent(dealershipId)}/vehicles/${encodeURIComponent(vehicleId)}`;

/**
 * The inventory service as retail needs it: the car a deal is for (as a shopper sees it, kept 30 s)
 * and the hold a paid reservation puts on it.
 */
export class VehicleCatalog {
  private readonly cache: LRUCache<string, DealVehicle>;

  constructor(
    private readonly inventoryApiUrl: string,
    private readonly tokens: ServiceTokens,
    options: { max: number; ttlMs?: number },
  ) {
    this.cache = new LRUCache({ max: options.max, ttl: options.ttlMs ?? TTL_MS });
  }

  /**
   * The vehicle when it is published, available and priced; null when it is not for sale there.
   * `fresh` asks inventory now instead of reading the cache (before taking a deposit for it).
   */
  async forSale(
    dealershipId: string,
    vehicleId: string,
    options: { fresh?: boolean } = {},
  ): Promise<DealVehicle | null> {
    const key = `${dealershipId}/${vehicleId}`.toLowerCase();
    const hit = options.fresh ? undefined : this.cache.get(key);
    if (hit) return hit;
    const found = await askPeer('inventory', () =>
      getFromService(
        this.inventoryApiUrl,
        `/api/inventory/public/${vehiclePath(dealershipId, vehicleId)}`,
        ForSaleSchema,
        this.tokens,
      ),
    );
    if (!found || found.priceCents === null) {
      this.cache.delete(key);
      return null;
    }
    const vehicle: DealVehicle = {
      vehicleId: found.id,
      vin: found.vin,
      stockNumber: found.stockNumber,
      year: found.year,
      make: found.make,
      model: found.model,
      trim: found.trim,
      condition: found.condition,
      priceCents: found.priceCents,
      msrpCents: found.msrpCents,
      photoUrl: found.heroPhoto?.card.jpeg ?? null,
    };
    this.cache.set(key, vehicle);
    return vehicle;
  }

  /** Puts the vehicle on hold (pending) for a reservation; `unavailable` when it is sold or held for another. */
  async hold(
    dealershipId: string,
    vehicleId: string,
    hold: VehicleHoldInput,
  ): Promise<'held' | 'unavailable'> {
    try {
      await sendToService(
        this.inventoryApiUrl,
        {
          method: 'PUT',
          path: `/api/inventory/internal/${vehiclePath(dealershipId, vehicleId)}/hold`,
          body: hold,
        },
        this.tokens,
        VehicleHoldSchema,
      );
    } catch (error) {
      if (answered(error, 409) || answered(error, 404)) return 'unavailable';
      throw peerUnavailable('inventory', error);
    }
    this.forget(dealershipId, vehicleId);
    return 'held';
  }

  /** Takes the reservation's hold off the vehicle; a hold already gone counts as released. */
  async release(dealershipId: string, vehicleId: string, reservationId: string): Promise<void> {
    try {
      await sendToService(
        this.inventoryApiUrl,
        {
          method: 'DELETE',
          path: `/api/inventory/internal/${vehiclePath(dealershipId, vehicleId)}/hold/${encodeURIComponent(reservationId)}`,
        },
        this.tokens,
      );
    } catch (error) {
      if (!answered(error, 404)) throw peerUnavailable('inventory', error);
    }
    this.forget(dealershipId, vehicleId);
  }

  private forget(dealershipId: string, vehicleId: string): void {
    this.cache.delete(`${dealershipId}/${vehicleId}`.toLowerCase());
  }
}
