import { randomUUID } from 'node:crypto';
import { freshVin } from '../test/vehicle-fixtures';
import type { FeedContext, FeedVehicle } from './feed-vehicle';

/** A used car on sale with three photos; each call a new id, VIN and stock number. */
export function feedVehicle(overrides: Partial<FeedVehicle> = {}): FeedVehicle {
  const id = randomUUID();
  return {
    id,
    dealershipId: '00000000-0000-4000-8000-000000000001',
    vin: freshVin(),
    stockNumber: `U${id.slice(0, 6)}`,
    condition: 'used',
    year: 2021,
    make: 'Honda',
    model: 'Accord',
    trim: 'Sport',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'cvt',
    fuelType: 'gasoline',
    engine: '1.5L I4 Turbo',
    exteriorColor: 'Platinum White',
    interiorColor: 'Black',
    mileage: 45_000,
    priceCents: 1_299_500,
    msrpCents: null,
    currency: 'USD',
    description: 'One owner, clean history.',
    status: 'available',
    published: true,
    photoUrls: [1, 2, 3].map((n) => `https://media.example.com/photos/${id}/${n}-full.jpg`),
    inStockSince: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

export const feedContext: FeedContext = {
  dealershipId: '00000000-0000-4000-8000-000000000001',
  dealershipName: 'Maple Motors',
  storeCode: 'MAPLE-01',
  address: { street: '1800 Main St.', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
  vehicleUrl: (id) => `https://www.maple-motors.example/vehicles/${id}`,
};
