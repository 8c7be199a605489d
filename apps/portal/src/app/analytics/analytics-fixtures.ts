import type {
  CloseRateReport,
  FirstResponseReport,
  FunnelReport,
  InventoryAgingReport,
  LeadsBySourceReport,
  NoResultSearchesReport,
  ReportMeta,
  RooftopsReport,
  SourceCostReport,
} from '@showroom/contracts';
import { NORTH, SOUTH } from '../../testing/fixtures';
import type { AnalyticsReports } from '../api/analytics-api';

/** Reports as the analytics service answers them, for a 7-day period ending 2026-12-06. */

export function reportMeta(overrides: Partial<ReportMeta> = {}): ReportMeta {
  return {
    from: '2026-11-30',
    to: '2026-12-06',
    previousFrom: '2026-11-23',
    previousTo: '2026-11-29',
    timeZone: 'America/Chicago',
    dealershipIds: [NORTH],
    salespersonId: null,
    ...overrides,
  };
}

export function leadsBySourceReport(overrides: Partial<LeadsBySourceReport> = {}): LeadsBySourceReport {
  return {
    meta: reportMeta(),
    days: [
      { day: '2026-12-01', source: 'website', leads: 3 },
      { day: '2026-12-01', source: 'cars.com', leads: 1 },
      { day: '2026-12-04', source: 'website', leads: 2 },
    ],
    sources: [
      { source: 'website', leads: { current: 5, previous: 4 } },
      { source: 'cars.com', leads: { current: 1, previous: 0 } },
    ],
    total: { current: 6, previous: 4 },
    ...overrides,
  };
}

export function funnelReport(): FunnelReport {
  return {
    meta: reportMeta(),
    sources: [{ source: 'website', vehicleViews: 120, leads: 5, appointments: 2, sold: 1 }],
    total: { vehicleViews: 120, leads: 5, appointments: 2, sold: 1 },
    previousTotal: { vehicleViews: 100, leads: 4, appointments: 1, sold: 1 },
  };
}

export function firstResponseReport(): FirstResponseReport {
  const times = { responses: 4, medianSeconds: 600, p90Seconds: 1800, withinTarget: 3 };
  return {
    meta: reportMeta(),
    targetMinutes: 15,
    salespeople: [{ ...times, salespersonId: 'auth0|sofia', salespersonName: 'Sofia Sales' }],
    overall: times,
    previousOverall: { ...times, medianSeconds: 900 },
  };
}

export function closeRateReport(): CloseRateReport {
  return {
    meta: reportMeta(),
    sources: [{ source: 'website', leads: 5, sold: 1, rate: 0.2 }],
    salespeople: [
      { salespersonId: 'auth0|sofia', salespersonName: 'Sofia Sales', leads: 5, sold: 1, rate: 0.2 },
    ],
    overall: { leads: 5, sold: 1, rate: 0.2 },
    previousOverall: { leads: 4, sold: 1, rate: 0.25 },
  };
}

export function sourceCostReport(): SourceCostReport {
  const row = { costCents: 70_000, leads: 5, sold: 1, costPerLeadCents: 14_000, costPerSaleCents: 70_000 };
  return {
    meta: reportMeta(),
    currency: 'USD',
    sources: [{ source: 'website', ...row }],
    total: row,
    previousTotal: null,
  };
}

export function inventoryAgingReport(): InventoryAgingReport {
  return {
    meta: reportMeta(),
    buckets: [
      { label: '0–30 days', fromDays: 0, toDays: 30, vehicles: 12 },
      { label: '31–60 days', fromDays: 31, toDays: 60, vehicles: 5 },
      { label: '61–90 days', fromDays: 61, toDays: 90, vehicles: 2 },
      { label: 'Over 90 days', fromDays: 91, toDays: null, vehicles: 1 },
    ],
    daysToSell: { sold: 3, medianDays: 24, averageDays: 27.5 },
    previousDaysToSell: { sold: 2, medianDays: 30, averageDays: 30 },
  };
}

export function noResultSearchesReport(): NoResultSearchesReport {
  return {
    meta: reportMeta(),
    searches: [
      {
        terms: 'toyota tacoma · body: truck',
        searches: 7,
        sessions: 5,
        lastSearchedAt: '2026-12-05T18:00:00.000Z',
      },
      {
        terms: '=cmd "quoted", search',
        searches: 1,
        sessions: 1,
        lastSearchedAt: '2026-12-04T18:00:00.000Z',
      },
    ],
    totalSearches: { current: 80, previous: 60 },
    noResultSearches: { current: 8, previous: 10 },
  };
}

export function rooftopsReport(): RooftopsReport {
  return {
    meta: reportMeta({ dealershipIds: [NORTH, SOUTH] }),
    rooftops: [
      {
        dealershipId: NORTH,
        dealershipName: 'Northside Honda',
        vehicleViews: 120,
        leads: { current: 6, previous: 4 },
        sold: { current: 1, previous: 1 },
        medianFirstResponseSeconds: 600,
      },
      {
        dealershipId: SOUTH,
        dealershipName: 'Southside Toyota',
        vehicleViews: 90,
        leads: { current: 3, previous: 5 },
        sold: { current: 0, previous: 2 },
        medianFirstResponseSeconds: null,
      },
    ],
  };
}

/** Every report's answer, by name. */
export function everyReport(): AnalyticsReports {
  return {
    'leads-by-source': leadsBySourceReport(),
    funnel: funnelReport(),
    'first-response': firstResponseReport(),
    'close-rate': closeRateReport(),
    'source-costs': sourceCostReport(),
    'inventory-aging': inventoryAgingReport(),
    'no-result-searches': noResultSearchesReport(),
    rooftops: rooftopsReport(),
  };
}
