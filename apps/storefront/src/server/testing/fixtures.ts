import {
  PublicVehicleDetailSchema,
  PublicVehicleListSchema,
  PublishedSiteSchema,
  type PhotoVariantUrls,
  type PublicVehicleDetail,
  type PublicVehicleHit,
  type PublicVehicleList,
  type PublishedSite,
} from '@showroom/contracts';

export const MEDIA = 'http://localhost:4200/media';

/** A published site as provisioning writes it; every fixture passes the contract's schema. */
export function publishedSite(
  overrides: Partial<PublishedSite> & Pick<PublishedSite, 'dealershipId' | 'name' | 'slug'>,
): PublishedSite {
  return PublishedSiteSchema.parse({
    groupId: null,
    tagline: 'Honest cars, fair prices',
    phone: '(512) 555-0100',
    email: 'sales@example.test',
    address: { street: '100 Congress Ave', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    hours: [
      { day: 'mon', opens: '09:00', closes: '19:00' },
      { day: 'tue', opens: '09:00', closes: '19:00' },
      { day: 'sat', opens: '10:00', closes: '16:00' },
    ],
    timeZone: 'America/Chicago',
    theme: { brandColour: '#1f3a5f', accentColour: '#b3261e' },
    logo: null,
    hosts: [`${overrides.slug}.localhost`],
    canonicalOrigin: `http://${overrides.slug}.localhost:4400`,
    version: 1,
    publishedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  });
}

const photo = (vehicleId: string, n: number): PhotoVariantUrls => {
  const url = (size: string, format: string) => `${MEDIA}/vehicles/${vehicleId}/${n}-${size}.${format}`;
  return {
    thumbnail: { webp: url('320', 'webp'), jpeg: url('320', 'jpg') },
    card: { webp: url('800', 'webp'), jpeg: url('800', 'jpg') },
    full: { webp: url('1920', 'webp'), jpeg: url('1920', 'jpg') },
  };
};

const MAKES = [
  ['Toyota', 'Camry', 'sedan'],
  ['Honda', 'CR-V', 'suv'],
  ['Ford', 'F-150', 'pickup'],
] as const;

/** The n-th car of a dealership's fixture stock (ids are stable per n). */
export function vehicle(dealershipId: string, n: number, rooftopName: string): PublicVehicleDetail {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const [make, model, bodyStyle] = MAKES[n % MAKES.length] ?? MAKES[0];
  return PublicVehicleDetailSchema.parse({
    id,
    dealershipId,
    vin: `1HGCM82633A${String(100000 + n).slice(-6)}`,
    stockNumber: `S${1000 + n}`,
    condition: n % 2 ? 'used' : 'new',
    year: 2020 + (n % 5),
    make,
    model,
    trim: n % 2 ? 'XLE' : null,
    bodyStyle,
    drivetrain: 'awd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '2.5L I4',
    exteriorColor: 'Blue',
    interiorColor: 'Black',
    mileage: 1000 * n,
    priceCents: 2_500_000 + n * 10_000,
    msrpCents: null,
    currency: 'USD',
    // What a dealer may type: it must not end the JSON-LD script.
    description: 'One owner. </script><script>alert(1)</script> & more',
    heroPhoto: photo(id, 0),
    photoCount: 2,
    updatedAt: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}T12:00:00.000Z`,
    photos: [photo(id, 0), photo(id, 1)],
    rooftop: { id: dealershipId, name: rooftopName },
  });
}

/** A page of the public search, as the inventory API answers it. */
export function listPage(vehicles: PublicVehicleDetail[], page: number, pageSize: number): PublicVehicleList {
  const items: PublicVehicleHit[] = vehicles
    .slice((page - 1) * pageSize, page * pageSize)
    .map(({ photos: _photos, ...car }) => ({ ...car, highlights: [] }));
  return PublicVehicleListSchema.parse({
    items,
    page,
    pageSize,
    total: vehicles.length,
    facets: {},
    ranges: {},
  });
}
