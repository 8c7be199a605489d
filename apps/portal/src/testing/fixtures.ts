import type {
  LeadCounts,
  LeadDetail,
  LeadEvent,
  LeadList,
  LeadSettings,
  LeadSummary,
  Me,
  Membership,
  Role,
  TeamMember,
  Vehicle,
  VehicleHit,
  VehicleList,
  VinDecodingResponse,
} from '@showroom/contracts';

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
    published: true,
    costCents: null,
    internalNotes: null,
    daysInStock: 12,
    heroPhoto: null,
    photoCount: 0,
    version: 3,
    createdAt: '2026-11-01T15:00:00.000Z',
    updatedAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  };
}

/** A vehicle as a search answers it: at its rooftop, with what the search text matched. */
export function vehicleHit(overrides: Partial<VehicleHit> = {}): VehicleHit {
  const hit = vehicle(overrides);
  return { ...hit, rooftop: { id: hit.dealershipId, name: 'Northside Honda' }, highlights: [], ...overrides };
}

export function vehicleList(
  items: (Vehicle | VehicleHit)[],
  overrides: Partial<VehicleList> = {},
): VehicleList {
  return {
    items: items.map((item) => ('rooftop' in item ? item : vehicleHit(item))),
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
      drivetrain: [{ value: 'fwd', count: 11 }],
      fuelType: [{ value: 'gasoline', count: 14 }],
      exteriorColor: [{ value: 'Platinum White', count: 4 }],
    },
    ranges: {
      year: { min: 2016, max: 2024 },
      price: { min: 1299950, max: 4850000 },
      mileage: { min: 12, max: 98000 },
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

export const LEAD_ID = '3a0e8c1e-5b8f-4d8e-9a51-0c7f6c2b1d01';

export function lead(overrides: Partial<LeadSummary> = {}): LeadSummary {
  return {
    id: LEAD_ID,
    dealershipId: NORTH,
    status: 'new',
    lostReason: null,
    channel: 'website',
    source: 'website:request_quote',
    intent: 'request_quote',
    shopper: {
      firstName: 'Maria',
      lastName: 'Lopez',
      email: 'maria@example.com',
      phone: '555-010-2000',
      preferredContact: 'email',
    },
    vehicle: {
      vehicleId: '0b6f9a52-47a4-4c0e-9e3f-6b1f5f1a9c10',
      vin: '1HGCV1F33LA000001',
      stockNumber: 'U1042',
      year: 2020,
      make: 'Honda',
      model: 'Accord',
      trim: 'Sport',
      condition: 'used',
      priceCents: 2459900,
    },
    assignee: { id: 'auth0|sam', name: 'Sam Seller' },
    submissionCount: 1,
    nextTaskDueAt: null,
    overdue: false,
    firstResponseAt: null,
    firstResponseSeconds: null,
    lastActivityAt: '2026-11-20T09:30:00.000Z',
    createdAt: '2026-11-20T09:30:00.000Z',
    updatedAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  };
}

export function leadDetail(overrides: Partial<LeadDetail> = {}): LeadDetail {
  return {
    ...lead(),
    message: 'Is the Accord still available? I can come by on Saturday.',
    tradeIn: null,
    submissions: [
      {
        id: '5c1e0d1e-0000-4000-8000-000000000001',
        channel: 'website',
        source: 'website:request_quote',
        intent: 'request_quote',
        message: 'Is the Accord still available? I can come by on Saturday.',
        originalDocument: null,
        externalId: null,
        receivedAt: '2026-11-20T09:30:00.000Z',
      },
    ],
    notes: [],
    tasks: [],
    relatedLeads: [],
    allowedTransitions: ['contacted', 'appointment_set', 'showroom_visit', 'lost'],
    deal: null,
    version: 1,
    ...overrides,
  };
}

export function leadList(items: LeadSummary[], overrides: Partial<LeadList> = {}): LeadList {
  return { items, page: 1, pageSize: 25, total: items.length, ...overrides };
}

export function leadCounts(overrides: Partial<LeadCounts> = {}): LeadCounts {
  return { new: 2, overdue: 1, open: 7, changeToken: 't1', ...overrides };
}

export function leadEvent(overrides: Partial<LeadEvent> = {}): LeadEvent {
  return {
    id: 'e-1',
    leadId: LEAD_ID,
    type: 'lead_created',
    at: '2026-11-20T09:30:00.000Z',
    actor: null,
    summary: 'Lead arrived from the website',
    shopperName: 'Maria Lopez',
    data: {},
    ...overrides,
  };
}

export function teamMember(overrides: Partial<TeamMember> = {}): TeamMember {
  return {
    id: 'auth0|sam',
    name: 'Sam Seller',
    email: 'sam@northside.example',
    role: 'sales',
    available: true,
    ...overrides,
  };
}

export function leadSettings(overrides: Partial<LeadSettings> = {}): LeadSettings {
  return {
    dealershipId: NORTH,
    siteOrigins: ['https://www.northside-honda.example'],
    acknowledgement: {
      enabled: true,
      subject: 'Thanks, {{firstName}}',
      body: 'Hi {{firstName}}, {{assigneeName}} from {{dealershipName}} will be in touch.',
    },
    crmForwardEmail: null,
    ingestKeyHint: 'a1b2',
    ingestKeyRotatedAt: '2026-11-01T12:00:00.000Z',
    fromName: 'Northside Honda',
    replyTo: null,
    ...overrides,
  };
}
