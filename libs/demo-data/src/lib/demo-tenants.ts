import type { Role } from '@showroom/contracts';

/**
 * The demo tenants every local environment (npm start, tests, e2e) shares. Ids are fixed so that
 * dev-auth, the users service and the inventory seed agree without talking to each other.
 */
export const DEFAULT_DEMO_PASSWORD = 'Showroom-demo-2026';

export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env['SHOWROOM_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;
}

export interface DemoDealerGroup {
  id: string;
  name: string;
}

export interface DemoDealership {
  id: string;
  dealerGroupId: string | null;
  name: string;
  slug: string;
  city: string;
  region: string;
  timeZone: string;
}

export interface DemoUser {
  /** The identity provider's user id (Auth0 style `auth0|…`). */
  id: string;
  email: string;
  name: string;
  memberships: { dealershipId: string; role: Role }[];
}

export const DEMO_GROUP: DemoDealerGroup = {
  id: '5b0d6f3e-1c1a-4d47-9a55-0a1d2b3c4d01',
  name: 'Demo Motor Group',
};

export const DEMO_DEALERSHIPS = {
  downtown: {
    id: '7d3c2a10-5e4f-4b8a-9c1d-2e3f4a5b6c01',
    dealerGroupId: DEMO_GROUP.id,
    name: 'Demo Motors Downtown',
    slug: 'demo-motors-downtown',
    city: 'Columbus',
    region: 'OH',
    timeZone: 'America/New_York',
  },
  northside: {
    id: '7d3c2a10-5e4f-4b8a-9c1d-2e3f4a5b6c02',
    dealerGroupId: DEMO_GROUP.id,
    name: 'Demo Motors Northside',
    slug: 'demo-motors-northside',
    city: 'Dublin',
    region: 'OH',
    timeZone: 'America/New_York',
  },
  rival: {
    id: '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c01',
    dealerGroupId: null,
    name: 'Rival Autos',
    slug: 'rival-autos',
    city: 'Indianapolis',
    region: 'IN',
    timeZone: 'America/Indiana/Indianapolis',
  },
} as const satisfies Record<string, DemoDealership>;

const { downtown, northside, rival } = DEMO_DEALERSHIPS;

export const DEMO_USERS = {
  owner: {
    id: 'auth0|demo-owner',
    email: 'owner@demo.showroom.dev',
    name: 'Olivia Owner',
    memberships: [
      { dealershipId: downtown.id, role: 'owner' },
      { dealershipId: northside.id, role: 'owner' },
    ],
  },
  manager: {
    id: 'auth0|demo-manager',
    email: 'manager@demo.showroom.dev',
    name: 'Marcus Manager',
    memberships: [{ dealershipId: downtown.id, role: 'manager' }],
  },
  sales: {
    id: 'auth0|demo-sales',
    email: 'sales@demo.showroom.dev',
    name: 'Sofia Sales',
    memberships: [{ dealershipId: downtown.id, role: 'sales' }],
  },
  viewer: {
    id: 'auth0|demo-viewer',
    email: 'viewer@demo.showroom.dev',
    name: 'Victor Viewer',
    memberships: [{ dealershipId: northside.id, role: 'viewer' }],
  },
  rivalOwner: {
    id: 'auth0|rival-owner',
    email: 'owner@rival.showroom.dev',
    name: 'Rita Rival',
    memberships: [{ dealershipId: rival.id, role: 'owner' }],
  },
  // A second salesperson or two per rooftop, so leads have someone to round-robin between.
  sales2: {
    id: 'auth0|demo-sales-2',
    email: 'sales2@demo.showroom.dev',
    name: 'Sam Seller',
    memberships: [{ dealershipId: downtown.id, role: 'sales' }],
  },
  northsideSales: {
    id: 'auth0|demo-northside-sales',
    email: 'sales.northside@demo.showroom.dev',
    name: 'Nadia Novak',
    memberships: [{ dealershipId: northside.id, role: 'sales' }],
  },
  northsideSales2: {
    id: 'auth0|demo-northside-sales-2',
    email: 'sales2.northside@demo.showroom.dev',
    name: 'Noah Newman',
    memberships: [{ dealershipId: northside.id, role: 'sales' }],
  },
  rivalSales: {
    id: 'auth0|rival-sales',
    email: 'sales@rival.showroom.dev',
    name: 'Ravi Reyes',
    memberships: [{ dealershipId: rival.id, role: 'sales' }],
  },
  rivalSales2: {
    id: 'auth0|rival-sales-2',
    email: 'sales2@rival.showroom.dev',
    name: 'Rosa Romero',
    memberships: [{ dealershipId: rival.id, role: 'sales' }],
  },
  // A finance manager (F&I) per rooftop: works every deal and opens credit applications.
  finance: {
    id: 'auth0|demo-finance',
    email: 'finance@demo.showroom.dev',
    name: 'Fiona Finance',
    memberships: [{ dealershipId: downtown.id, role: 'finance' }],
  },
  northsideFinance: {
    id: 'auth0|demo-northside-finance',
    email: 'finance.northside@demo.showroom.dev',
    name: 'Felix Fischer',
    memberships: [{ dealershipId: northside.id, role: 'finance' }],
  },
  rivalFinance: {
    id: 'auth0|rival-finance',
    email: 'finance@rival.showroom.dev',
    name: 'Rhea Ruiz',
    memberships: [{ dealershipId: rival.id, role: 'finance' }],
  },
} as const satisfies Record<string, DemoUser>;

export const ALL_DEMO_DEALERSHIPS: readonly DemoDealership[] = Object.values(DEMO_DEALERSHIPS);
export const ALL_DEMO_USERS: readonly DemoUser[] = Object.values(DEMO_USERS);
