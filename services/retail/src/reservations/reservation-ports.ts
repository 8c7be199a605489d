import type { DealershipStorefront, DealVehicle, RetailTerms, VehicleHoldInput } from '@showroom/contracts';

/**
 * What reservations need of the platform and the other modules, by the signatures the plan agreed:
 * the settings' terms (RetailTermsSource), the dealership's website (DealershipDirectory) and the
 * vehicle in inventory (VehicleCatalog).
 */

/** Settings: the deposit and the hold time the dealership sets. */
export interface ReservationTermsSource {
  of(dealershipId: string): Promise<Pick<RetailTerms, 'reservation'>>;
}

/** Users: where the dealership's website is (the checkout comes back to its deal page). */
export interface StorefrontSource {
  storefront(dealershipId: string): Promise<DealershipStorefront | null>;
}

/** Inventory: whether the car is for sale, and its hold (status pending) while reserved. */
export interface VehicleHolds {
  /** `fresh`: ask inventory now rather than answer from the 30-second cache. */
  forSale(
    dealershipId: string,
    vehicleId: string,
    options?: { fresh?: boolean },
  ): Promise<DealVehicle | null>;
  hold(dealershipId: string, vehicleId: string, hold: VehicleHoldInput): Promise<'held' | 'unavailable'>;
  release(dealershipId: string, vehicleId: string, reservationId: string): Promise<void>;
}
