import type { Me, Membership, Role, Vehicle, VehicleList, VinDecodingResponse } from '@showroom/contracts';

/** Test data in the dealer's language. No test framework here, so the app's type-check accepts it. */

export const NORTH = '6f1c7d7e-6c0e-4f43-9d64-2d8f0d1a0a01';
export const SOUTH = '6f1c7d7e-6c0e-4f43-9d64-2d8f0d1a0a02';

export function membership(
  dealershipId: string,
  role: Role,
  name = `Dealership ${dealershipId.slice(-2)}`,
): Membership {
  return {
    dealership: {
      id: dealershipId,
      name,
      slug: name.toLowerCase().replace(/\s+/g, '-'),
      dealerGroupId: null,
      dealerGroupName: null,
      city: 'Springfield',
      region: 'IL',
      timeZone: 'America/Chicago',
    },
    role,
    permissions: [],
  };
}

export function me(memberships: Membership[]): Me {
  return { id: 'auth0|dana', email: 'dana@northside.example', name: 'Dana Whitfield', memberships };
}

export function vehicle(overrides: Partial<Vehicle> = {}): Vehicle {
  return {
    id: '0b6f9a52-47a4-4c0e-9e3f-6b1f5f1a9c10',
    dealershipId: NORTH,
    vin: '1HGCV1F33LA000001',
    stockNumber: 'U1042',
    condition: 'used',
    year: 2020,
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
    mileage: 31250,
    priceCents: 2459900,
    msrpCents: null,
    currency: 'USD',
    status: 'available',
    description: null,
    daysInStock: 12,
    version: 3,
    createdAt: '2026-11-01T15:00:00.000Z',
    updatedAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  };
}

export function vehicleList(items: Vehicle[], overrides: Partial<VehicleList> = {}): VehicleList {
  return {
    items,
    page: 1,
    pageSize: 25,
    total: items.length,
    facets: {
      make: [
        { value: 'Honda', count: 12 },
        { value: 'Toyota', count: 7 },
      ],
      model: [{ value: 'Accord', count: 5 }],
      bodyStyle: [{ value: 'sedan', count: 9 }],
      condition: [{ value: 'used', count: 15 }],
    },
    ...overrides,
  };
}

export function vinDecoding(overrides: Partial<VinDecodingResponse> = {}): VinDecodingResponse {
  return {
    vin: '1HGCV1F33LA000001',
    valid: true,
    problem: null,
    wmi: '1HG',
    manufacturer: 'Honda of America Mfg.',
    make: 'Honda',
    country: 'United States',
    modelYear: 2020,
    candidateModelYears: [2020],
    existingVehicleId: null,
    ...overrides,
  };
}
