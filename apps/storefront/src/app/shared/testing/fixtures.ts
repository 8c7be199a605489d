import type {
  PhotoVariantUrls,
  PublicVehicleDetail,
  PublicVehicleHit,
  PublicVehicleList,
} from '@showroom/contracts';
import type { StorefrontSite } from '../../site/site';

// Test data for the storefront's specs (imported by *.spec.ts only, so never bundled).

export const DEALERSHIP_ID = '0b6f2f55-7c4e-4a53-9d8a-2f1d3c4b5a69';
export const VEHICLE_ID = '5d1c7e3a-1b2c-4d5e-8f90-123456789abc';

export function site(overrides: Partial<StorefrontSite> = {}): StorefrontSite {
  return {
    dealershipId: DEALERSHIP_ID,
    groupId: null,
    name: 'Demo Motors Downtown',
    slug: 'demo-motors-downtown',
    tagline: 'Honest cars in the heart of Austin',
    phone: '(512) 555-0100',
    email: 'sales@demo-motors.test',
    address: { street: '100 Congress Ave', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    hours: [
      { day: 'mon', opens: '09:00', closes: '19:00' },
      { day: 'tue', opens: '09:00', closes: '19:00' },
      { day: 'wed', opens: '09:00', closes: '19:00' },
      { day: 'thu', opens: '09:00', closes: '19:00' },
      { day: 'fri', opens: '09:00', closes: '19:00' },
      { day: 'sat', opens: '10:00', closes: '17:00' },
    ],
    timeZone: 'America/Chicago',
    theme: { brandColour: '#1f3a5f', accentColour: '#b3261e' },
    logo: null,
    hosts: ['demo-motors-downtown.localhost'],
    canonicalOrigin: 'http://demo-motors-downtown.localhost:4400',
    version: 3,
    publishedAt: '2026-12-06T10:00:00.000Z',
    apiOrigin: 'http://localhost:4200',
    ...overrides,
  };
}

export function photo(name: string): PhotoVariantUrls {
  const url = (variant: string, format: string) => `http://localhost:4200/media/${name}-${variant}.${format}`;
  return {
    thumbnail: { webp: url('thumbnail', 'webp'), jpeg: url('thumbnail', 'jpg') },
    card: { webp: url('card', 'webp'), jpeg: url('card', 'jpg') },
    full: { webp: url('full', 'webp'), jpeg: url('full', 'jpg') },
  };
}

export function vehicle(overrides: Partial<PublicVehicleDetail> = {}): PublicVehicleDetail {
  return {
    id: VEHICLE_ID,
    dealershipId: DEALERSHIP_ID,
    vin: '4T1G11AK5MU123456',
    stockNumber: 'U1042',
    condition: 'used',
    year: 2021,
    make: 'Toyota',
    model: 'Camry',
    trim: 'SE',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '2.5L I4',
    exteriorColor: 'Celestial Silver',
    interiorColor: 'Black',
    mileage: 34567,
    priceCents: 2_499_900,
    msrpCents: null,
    currency: 'USD',
    description: 'One owner, full service history.',
    heroPhoto: photo('camry-1'),
    photoCount: 2,
    updatedAt: '2026-12-01T15:00:00.000Z',
    photos: [photo('camry-1'), photo('camry-2')],
    rooftop: { id: DEALERSHIP_ID, name: 'Demo Motors Downtown' },
    ...overrides,
  };
}

export function hit(overrides: Partial<PublicVehicleHit> = {}): PublicVehicleHit {
  const { photos: _photos, ...car } = vehicle();
  return { ...car, highlights: [], ...overrides };
}

export function vehicleList(overrides: Partial<PublicVehicleList> = {}): PublicVehicleList {
  return {
    items: [hit()],
    page: 1,
    pageSize: 25,
    total: 1,
    facets: {
      make: [
        { value: 'Toyota', count: 40 },
        { value: 'Honda', count: 20 },
      ],
      bodyStyle: [{ value: 'suv', count: 30 }],
    },
    ranges: { year: { min: 2015, max: 2026 }, price: null, mileage: null },
    ...overrides,
  };
}
