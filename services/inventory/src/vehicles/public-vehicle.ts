import type { PublicVehicle, Vehicle } from '@showroom/contracts';

/**
 * What a shopper may see of a vehicle, copied field by field so that a field added to Vehicle
 * (a private one, like cost) never reaches a website unless it is added here on purpose.
 */
export function toPublicVehicle(vehicle: Vehicle): PublicVehicle {
  return {
    id: vehicle.id,
    dealershipId: vehicle.dealershipId,
    vin: vehicle.vin,
    stockNumber: vehicle.stockNumber,
    condition: vehicle.condition,
    year: vehicle.year,
    make: vehicle.make,
    model: vehicle.model,
    trim: vehicle.trim,
    bodyStyle: vehicle.bodyStyle,
    drivetrain: vehicle.drivetrain,
    transmission: vehicle.transmission,
    fuelType: vehicle.fuelType,
    engine: vehicle.engine,
    exteriorColor: vehicle.exteriorColor,
    interiorColor: vehicle.interiorColor,
    mileage: vehicle.mileage,
    priceCents: vehicle.priceCents,
    msrpCents: vehicle.msrpCents,
    currency: vehicle.currency,
    description: vehicle.description,
    heroPhoto: vehicle.heroPhoto,
    photoCount: vehicle.photoCount,
    updatedAt: vehicle.updatedAt,
  };
}

/** Whether a website may show the vehicle: published and available. */
export function isForSale(vehicle: Pick<Vehicle, 'published' | 'status'>): boolean {
  return vehicle.published && vehicle.status === 'available';
}
