import type { AnalyticsEvent, SourceCost } from '@showroom/contracts';
import { demoLeads, type DemoLeadProfile, type DemoSalesperson } from './demo-analytics-leads';
import { demoLot, lotEvents } from './demo-analytics-lot';
import { DAY_MS, Dice } from './demo-analytics-parts';
import { demoShopperVisits, type DemoShopperProfile } from './demo-analytics-shoppers';
import { ALL_DEMO_DEALERSHIPS, DEMO_DEALERSHIPS, DEMO_USERS, type DemoDealership } from './demo-tenants';
import { seededRandom, seedFromText } from './demo-vehicles';

export { DEMO_LOT_SIZE, demoVehicleId } from './demo-analytics-lot';
export { DEMO_MODELS_NOT_STOCKED } from './demo-analytics-shoppers';

/** How far back the demo history reaches. */
export const DEMO_ANALYTICS_DAYS = 90;

interface DemoRooftopProfile {
  leads: Omit<DemoLeadProfile, 'salespeople' | 'trafficSources'>;
  /** How quickly each salesperson (by DEMO_USERS key) answers online leads, in minutes (median). */
  responseMinutes: Partial<Record<keyof typeof DEMO_USERS, number>>;
  shoppers: DemoShopperProfile;
  /** Chance a day saw a car sold (besides today's lot's), and one wholesaled. */
  soldPerDay: number;
  wholesalePerDay: number;
}

/**
 * Each demo rooftop's character: downtown is the busy one with a fast and a slow salesperson;
 * northside buys no Autotrader listing; rival (a competitor, not in the demo group) leans on
 * Facebook and samples half of its website visits, so each tracked visit counts twice.
 */
const PROFILES: Record<keyof typeof DEMO_DEALERSHIPS, DemoRooftopProfile> = {
  downtown: {
    leads: {
      leadsPerDay: 5,
      sources: {
        'website:check_availability': 16,
        'website:schedule_test_drive': 9,
        'website:request_quote': 8,
        'website:value_trade_in': 5,
        'website:get_pre_approved': 4,
        digital_retailing: 4,
        'cars.com': 14,
        autotrader: 10,
        facebook: 7,
        walk_in: 12,
        phone: 9,
      },
    },
    responseMinutes: { sales: 6, sales2: 24 },
    shoppers: {
      visitsPerDay: 40,
      trafficSources: { google: 38, direct: 24, facebook: 12, 'cars.com': 10, autotrader: 8, bing: 4 },
      weight: 1,
    },
    soldPerDay: 0.36,
    wholesalePerDay: 0.035,
  },
  northside: {
    leads: {
      leadsPerDay: 4,
      sources: {
        'website:check_availability': 14,
        'website:schedule_test_drive': 10,
        'website:request_quote': 6,
        'website:value_trade_in': 6,
        'website:get_pre_approved': 3,
        digital_retailing: 3,
        'cars.com': 18,
        facebook: 9,
        walk_in: 15,
        phone: 10,
      },
    },
    responseMinutes: { northsideSales: 9, northsideSales2: 14 },
    shoppers: {
      visitsPerDay: 30,
      trafficSources: { google: 40, direct: 28, facebook: 14, 'cars.com': 14, bing: 4 },
      weight: 1,
    },
    soldPerDay: 0.3,
    wholesalePerDay: 0.025,
  },
  rival: {
    leads: {
      leadsPerDay: 4,
      sources: {
        'website:check_availability': 12,
        'website:request_quote': 10,
        'website:schedule_test_drive': 6,
        facebook: 20,
        autotrader: 12,
        'cars.com': 8,
        walk_in: 10,
        phone: 12,
      },
    },
    responseMinutes: { rivalSales: 12, rivalSales2: 35 },
    shoppers: {
      visitsPerDay: 18,
      trafficSources: { google: 34, facebook: 30, direct: 20, autotrader: 10, 'cars.com': 6 },
      weight: 2,
    },
    soldPerDay: 0.25,
    wholesalePerDay: 0.045,
  },
};

function salespeopleOf(profile: DemoRooftopProfile): DemoSalesperson[] {
  return Object.entries(profile.responseMinutes).map(([key, minutes]) => {
    const user = DEMO_USERS[key as keyof typeof DEMO_USERS];
    return { id: user.id, name: user.name, medianResponseMinutes: minutes as number };
  });
}

export interface DemoAnalyticsOptions {
  /** The history ends here; nothing later is generated. */
  now: Date;
  /** How many days back (default DEMO_ANALYTICS_DAYS). */
  days?: number;
  /** Which demo rooftops (default all three). */
  dealerships?: readonly DemoDealership[];
  /**
   * Also the listings of the cars on the lot today. Off for the seed: the inventory seed's outbox
   * announces those (ids `inventory:…`), and both would count each car twice. On for tests that
   * want the whole lot without inventory.
   */
  lotListings?: boolean;
}

/**
 * A deterministic history for the demo rooftops, ending at `now`: the lot's cars listed, marked
 * down, sold and wholesaled (today's lot is the inventory seed's: same cars, ids and ages); leads from the
 * sources each rooftop pays for, assigned to its DEMO_USERS salespeople, answered in minutes or
 * hours, booked, sold or lost; and the shoppers' website visits around them. A website form's lead
 * counts under its visit's traffic source (google, facebook, direct…), so the funnel per source
 * shows views and leads on the same rows. Event ids are
 * `demo:<rooftop slug>:…` and the same on every run, so seeding twice stores everything once.
 */
export function generateDemoAnalytics(options: DemoAnalyticsOptions): AnalyticsEvent[] {
  const days = options.days ?? DEMO_ANALYTICS_DAYS;
  const now = options.now;
  const wanted = new Set((options.dealerships ?? ALL_DEMO_DEALERSHIPS).map((d) => d.id));
  const events: AnalyticsEvent[] = [];
  // The inventory seed numbers the rooftops in this order (its serial offsets): keep it.
  for (const [index, [key, dealership]] of Object.entries(DEMO_DEALERSHIPS).entries()) {
    if (!wanted.has(dealership.id)) continue;
    const profile = PROFILES[key as keyof typeof DEMO_DEALERSHIPS];
    const lot = demoLot(dealership, index, now, days, profile);
    const salespeople = salespeopleOf(profile);
    const leads = demoLeads(dealership, lot, now, days, {
      ...profile.leads,
      trafficSources: profile.shoppers.trafficSources,
      salespeople,
    });
    events.push(
      ...lotEvents(dealership, lot, options.lotListings ?? false),
      ...leads.events,
      ...demoShopperVisits(dealership, lot, leads.websiteLeads, now, days, profile.shoppers),
    );
  }
  // Only what has happened by `now` (a lead lost next week is still open today).
  return events
    .filter((event) => Date.parse(event.occurredAt) <= now.getTime())
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
}

/** What each demo rooftop pays a month for its paid lead sources (US dollars, in cents). */
const MONTHLY_COSTS: Record<string, Record<string, number>> = {
  [DEMO_DEALERSHIPS.downtown.id]: {
    'cars.com': 149_900,
    autotrader: 119_900,
    facebook: 60_000,
    google: 85_000,
  },
  [DEMO_DEALERSHIPS.northside.id]: { 'cars.com': 129_900, facebook: 45_000, google: 50_000 },
  [DEMO_DEALERSHIPS.rival.id]: { facebook: 90_000, autotrader: 99_900, 'cars.com': 79_900 },
};
/** Ad spend (campaigns that bring shoppers to the website) varies by month; subscriptions do not. */
const AD_SPEND_SOURCES = new Set(['facebook', 'google']);

/**
 * A demo rooftop's costs for one month (YYYY-MM): the marketplaces' fixed subscriptions, and
 * Facebook and Google ad spend that varies from month to month. Empty for any other dealership.
 */
export function demoSourceCosts(dealershipId: string, month: string): SourceCost[] {
  const costs = MONTHLY_COSTS[dealershipId];
  if (!costs) return [];
  const dice = new Dice(seededRandom(seedFromText(`costs:${dealershipId}:${month}`)));
  return Object.entries(costs).map(([source, costCents]) => ({
    source,
    costCents: AD_SPEND_SOURCES.has(source)
      ? Math.round((costCents * (0.8 + dice.roll() * 0.4)) / 100) * 100
      : costCents,
  }));
}

/** The months (YYYY-MM, UTC) the demo history of `days` before `now` touches, oldest first. */
export function demoAnalyticsMonths(now: Date, days = DEMO_ANALYTICS_DAYS): string[] {
  const months = new Set<string>();
  for (let t = now.getTime() - days * DAY_MS; t <= now.getTime() + DAY_MS; t += DAY_MS) {
    months.add(new Date(t).toISOString().slice(0, 7));
  }
  return [...months];
}
