import type { EChartsCoreOption } from 'echarts/core';
import { type AnalyticsReportName, leadSourceLabel } from '@showroom/contracts';
import type { AnalyticsReports } from '../../api/analytics-api';
import type { DayRange } from '../shared/report-range';
import { type ColumnKind, type ReportTable, tableOf } from '../shared/report-table';
import {
  closeRateChart,
  closeRateHeight,
  firstResponseChart,
  funnelChart,
  inventoryAgingChart,
  leadsBySourceChart,
  paidSources,
  rooftopsChart,
  rowsHeight,
  sourceCostChart,
} from './report-charts';

/** Sources as the leads screens name them ("Website · check availability", "Walk-in", "cars.com"). */
const sourceName = leadSourceLabel;

/** The card's main figure and the same figure over the previous period (null: not compared). */
export interface Headline {
  label: string;
  kind: ColumnKind;
  current: number | null;
  previous: number | null;
  /** Response times, costs, days to sell and searches that found nothing: less is good news. */
  lowerIsBetter: boolean;
}

/** What one card shows of its report. */
export interface ReportView {
  headline: Headline;
  table: ReportTable;
  /** Null for a report that is a list (searches with no results). */
  chart: EChartsCoreOption | null;
  /** Nothing happened in the period: the card says so instead of an empty chart. */
  empty: boolean;
  /** Pixels, for charts with a row per source or person; the card's default otherwise. */
  chartHeight?: number;
}

export interface ReportDefinition<N extends AnalyticsReportName = AnalyticsReportName> {
  name: N;
  title: string;
  /** One line under the title: what the figures mean, in the dealer's words. */
  description: string;
  emptyText: string;
  view(report: AnalyticsReports[N], range: DayRange): ReportView;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

const leadsBySource: ReportDefinition<'leads-by-source'> = {
  name: 'leads-by-source',
  title: 'Leads by source',
  description: 'New leads per day, by where they came from.',
  emptyText: 'No leads arrived in this period.',
  view: (report, range) => ({
    headline: {
      label: 'Leads',
      kind: 'count',
      current: report.total.current,
      previous: report.total.previous,
      lowerIsBetter: false,
    },
    table: tableOf(report.days, [
      { key: 'day', label: 'Day', kind: 'day', value: (d) => d.day },
      { key: 'source', label: 'Source', kind: 'text', value: (d) => sourceName(d.source) },
      { key: 'leads', label: 'Leads', kind: 'count', value: (d) => d.leads },
    ]),
    chart: leadsBySourceChart(report, range),
    empty: report.total.current === 0,
  }),
};

const funnel: ReportDefinition<'funnel'> = {
  name: 'funnel',
  title: 'Funnel by source',
  description: 'From vehicle page views to leads, appointments and cars sold.',
  emptyText: 'No views, leads or sales in this period.',
  view: (report) => ({
    headline: {
      label: 'Sold',
      kind: 'count',
      current: report.total.sold,
      previous: report.previousTotal?.sold ?? null,
      lowerIsBetter: false,
    },
    table: tableOf(report.sources, [
      { key: 'source', label: 'Source', kind: 'text', value: (s) => sourceName(s.source) },
      { key: 'vehicleViews', label: 'Vehicle views', kind: 'count', value: (s) => s.vehicleViews },
      { key: 'leads', label: 'Leads', kind: 'count', value: (s) => s.leads },
      { key: 'appointments', label: 'Appointments', kind: 'count', value: (s) => s.appointments },
      { key: 'sold', label: 'Sold', kind: 'count', value: (s) => s.sold },
    ]),
    chart: funnelChart(report),
    chartHeight: rowsHeight(report.sources.length, 4),
    empty: sum(Object.values(report.total)) === 0,
  }),
};

const firstResponse: ReportDefinition<'first-response'> = {
  name: 'first-response',
  title: 'First response time',
  description: 'How long leads waited for their first answer: median and 90th percentile.',
  emptyText: 'No lead was answered in this period.',
  view: (report) => ({
    headline: {
      label: `Median (target ${report.targetMinutes} min)`,
      kind: 'minutes',
      current: report.overall.medianSeconds,
      previous: report.previousOverall?.medianSeconds ?? null,
      lowerIsBetter: true,
    },
    table: tableOf(report.salespeople, [
      {
        key: 'salesperson',
        label: 'Salesperson',
        kind: 'text',
        value: (p) => p.salespersonName ?? p.salespersonId,
      },
      { key: 'responses', label: 'Responses', kind: 'count', value: (p) => p.responses },
      { key: 'median', label: 'Median', kind: 'minutes', value: (p) => p.medianSeconds },
      { key: 'p90', label: '90th percentile', kind: 'minutes', value: (p) => p.p90Seconds },
      { key: 'withinTarget', label: 'Within target', kind: 'count', value: (p) => p.withinTarget },
    ]),
    chart: firstResponseChart(report),
    empty: report.overall.responses === 0,
  }),
};

const closeRate: ReportDefinition<'close-rate'> = {
  name: 'close-rate',
  title: 'Close rate',
  description: 'Cars sold over leads received in the period, by source and by salesperson.',
  emptyText: 'No leads arrived in this period.',
  view: (report) => ({
    headline: {
      label: 'Close rate',
      kind: 'rate',
      current: report.overall.rate,
      previous: report.previousOverall?.rate ?? null,
      lowerIsBetter: false,
    },
    table: tableOf(
      [
        ...report.sources.map((s) => ({ ...s, by: 'Source', name: sourceName(s.source) })),
        ...report.salespeople.map((p) => ({
          ...p,
          by: 'Salesperson',
          name: p.salespersonName ?? p.salespersonId,
        })),
      ],
      [
        { key: 'by', label: 'By', kind: 'text', value: (r) => r.by },
        { key: 'name', label: 'Name', kind: 'text', value: (r) => r.name },
        { key: 'leads', label: 'Leads', kind: 'count', value: (r) => r.leads },
        { key: 'sold', label: 'Sold', kind: 'count', value: (r) => r.sold },
        { key: 'rate', label: 'Close rate', kind: 'rate', value: (r) => r.rate },
      ],
    ),
    chart: closeRateChart(report),
    chartHeight: closeRateHeight(report),
    empty: report.overall.leads === 0,
  }),
};

const sourceCosts: ReportDefinition<'source-costs'> = {
  name: 'source-costs',
  title: 'Cost per lead and per sale',
  description: 'The monthly costs entered in the settings, spread over the days of the period.',
  emptyText: 'No costs entered and no leads for this period. Enter what each source costs in the settings.',
  view: (report) => ({
    headline: {
      label: 'Cost per sale',
      kind: 'money',
      current: report.total.costPerSaleCents,
      previous: report.previousTotal?.costPerSaleCents ?? null,
      lowerIsBetter: true,
    },
    table: tableOf(report.sources, [
      { key: 'source', label: 'Source', kind: 'text', value: (s) => sourceName(s.source) },
      { key: 'cost', label: 'Cost', kind: 'money', value: (s) => s.costCents },
      { key: 'leads', label: 'Leads', kind: 'count', value: (s) => s.leads },
      { key: 'sold', label: 'Sold', kind: 'count', value: (s) => s.sold },
      { key: 'costPerLead', label: 'Cost per lead', kind: 'money', value: (s) => s.costPerLeadCents },
      { key: 'costPerSale', label: 'Cost per sale', kind: 'money', value: (s) => s.costPerSaleCents },
    ]),
    chart: sourceCostChart(report),
    chartHeight: rowsHeight(paidSources(report).length, 2),
    empty: report.sources.length === 0,
  }),
};

const inventoryAging: ReportDefinition<'inventory-aging'> = {
  name: 'inventory-aging',
  title: 'Inventory aging',
  description: 'The lot at the end of the period by days since listing, and how long sold cars took.',
  emptyText: 'No vehicles on the lot and none sold in this period.',
  view: (report) => ({
    headline: {
      label: `Median days to sell (${report.daysToSell.sold} sold)`,
      kind: 'days',
      current: report.daysToSell.medianDays,
      previous: report.previousDaysToSell?.medianDays ?? null,
      lowerIsBetter: true,
    },
    table: tableOf(report.buckets, [
      { key: 'bucket', label: 'Days since listing', kind: 'text', value: (b) => b.label },
      { key: 'vehicles', label: 'Vehicles', kind: 'count', value: (b) => b.vehicles },
    ]),
    chart: inventoryAgingChart(report),
    empty: sum(report.buckets.map((b) => b.vehicles)) === 0 && report.daysToSell.sold === 0,
  }),
};

const noResultSearches: ReportDefinition<'no-result-searches'> = {
  name: 'no-result-searches',
  title: 'Searches with no results',
  description: 'What shoppers looked for on the website and did not find on the lot.',
  emptyText: 'Every search on the website found something in this period.',
  view: (report) => ({
    headline: {
      label: `Searches with no results (of ${Math.round(report.totalSearches.current)})`,
      kind: 'count',
      current: report.noResultSearches.current,
      previous: report.noResultSearches.previous,
      lowerIsBetter: true,
    },
    table: tableOf(report.searches, [
      { key: 'terms', label: 'Search', kind: 'text', value: (s) => s.terms },
      { key: 'searches', label: 'Searches', kind: 'count', value: (s) => s.searches },
      { key: 'sessions', label: 'Visits', kind: 'count', value: (s) => s.sessions },
      { key: 'lastSearchedAt', label: 'Last searched', kind: 'time', value: (s) => s.lastSearchedAt },
    ]),
    chart: null,
    empty: report.searches.length === 0,
  }),
};

const rooftops: ReportDefinition<'rooftops'> = {
  name: 'rooftops',
  title: 'Rooftops',
  description: 'Each rooftop of the group side by side.',
  emptyText: 'No rooftop of the group had leads in this period.',
  view: (report) => ({
    headline: {
      label: 'Leads across the group',
      kind: 'count',
      current: sum(report.rooftops.map((r) => r.leads.current)),
      previous: report.rooftops.some((r) => r.leads.previous !== null)
        ? sum(report.rooftops.map((r) => r.leads.previous ?? 0))
        : null,
      lowerIsBetter: false,
    },
    table: tableOf(report.rooftops, [
      { key: 'rooftop', label: 'Rooftop', kind: 'text', value: (r) => r.dealershipName ?? r.dealershipId },
      { key: 'vehicleViews', label: 'Vehicle views', kind: 'count', value: (r) => r.vehicleViews },
      { key: 'leads', label: 'Leads', kind: 'count', value: (r) => r.leads.current },
      { key: 'sold', label: 'Sold', kind: 'count', value: (r) => r.sold.current },
      {
        key: 'medianFirstResponse',
        label: 'Median first response',
        kind: 'minutes',
        value: (r) => r.medianFirstResponseSeconds,
      },
    ]),
    chart: rooftopsChart(report),
    empty: report.rooftops.length === 0,
  }),
};

/** The cards in the order the dashboard shows them (rooftops only in the group view). */
export const REPORT_DEFINITIONS = [
  leadsBySource,
  funnel,
  firstResponse,
  closeRate,
  sourceCosts,
  inventoryAging,
  noResultSearches,
  rooftops,
] as const satisfies readonly ReportDefinition<AnalyticsReportName>[];

/** The change from the previous period as a share (0.25 = 25 % more); null when it cannot be said. */
export function changeOf(headline: Headline): number | null {
  const { current, previous } = headline;
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}
