import type { EChartsCoreOption } from 'echarts/core';
import type {
  CloseRateReport,
  FirstResponseReport,
  FunnelReport,
  InventoryAgingReport,
  LeadsBySourceReport,
  RooftopsReport,
  SourceCostReport,
} from '@showroom/contracts';
import { leadSourceLabel } from '@showroom/contracts';
import { everyDay, type DayRange, shortDayLabel } from '../shared/report-range';

/**
 * ECharts options for the cards. Only bar charts, with grid, tooltip, legend, mark line and aria:
 * exactly what `echarts-setup.ts` registers, so the lazy chunk carries nothing else.
 */

/** Colour-blind-safe (Okabe–Ito), in an order where neighbouring series differ in lightness too. */
export const CHART_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  // Darker shades of the same hues for the sources beyond eight.
  '#004C7A',
  '#9C6B00',
  '#00694D',
  '#8A4F73',
];

/** A chart with a row per category (sources, people): tall enough that every label shows. */
export function rowsHeight(rows: number, barsPerRow = 1): number {
  return Math.max(200, 72 + rows * Math.max(24, barsPerRow * 10));
}

/** Bars along a log axis show 0 as nothing (null) instead of breaking the scale. */
const forLog = (value: number | null) => (value === null || value <= 0 ? null : value);

const base = {
  color: CHART_COLORS,
  aria: { enabled: true },
  animation: false,
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
  legend: { top: 0, type: 'scroll' },
} satisfies EChartsCoreOption;

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);
const dollars = (cents: number | null) => (cents === null ? null : Math.round(cents) / 100);
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Leads per day, one stacked bar per day, a colour per source; days without leads stay on the axis. */
export function leadsBySourceChart(report: LeadsBySourceReport, range: DayRange): EChartsCoreOption {
  const days = everyDay(range);
  const sources = report.sources.map((s) => s.source);
  const counts = new Map(report.days.map((d) => [`${d.day}|${d.source}`, d.leads]));
  return {
    ...base,
    xAxis: { type: 'category', data: days.map(shortDayLabel) },
    yAxis: { type: 'value', minInterval: 1 },
    series: sources.map((source) => ({
      name: leadSourceLabel(source),
      type: 'bar',
      stack: 'leads',
      data: days.map((day) => counts.get(`${day}|${source}`) ?? 0),
    })),
  };
}

/**
 * Each source's way from vehicle views to sold, a row per source. Views outnumber sales a
 * hundredfold, so the axis is logarithmic: every step stays readable.
 */
export function funnelChart(report: FunnelReport): EChartsCoreOption {
  const steps = [
    ['Vehicle views', 'vehicleViews'],
    ['Leads', 'leads'],
    ['Appointments', 'appointments'],
    ['Sold', 'sold'],
  ] as const;
  return {
    ...base,
    xAxis: { type: 'log', logBase: 10, min: 1 },
    yAxis: { type: 'category', inverse: true, data: report.sources.map((s) => leadSourceLabel(s.source)) },
    series: steps.map(([name, key]) => ({
      name,
      type: 'bar',
      data: report.sources.map((s) => forLog(Math.round(s[key]))),
    })),
  };
}

/** Median and 90th percentile per salesperson, in minutes, against the dealership's target. */
export function firstResponseChart(report: FirstResponseReport): EChartsCoreOption {
  const names = report.salespeople.map((p) => p.salespersonName ?? p.salespersonId);
  return {
    ...base,
    xAxis: { type: 'category', data: names },
    // A next-morning answer is hundreds of minutes, a good one a few: a log axis shows both and the target.
    yAxis: { type: 'log', logBase: 10, min: 1, name: 'minutes' },
    series: [
      {
        name: 'Median',
        type: 'bar',
        data: report.salespeople.map((p) => forLog(minutes(p.medianSeconds))),
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#D55E00', type: 'dashed', width: 2 },
          label: { formatter: `Target ${report.targetMinutes} min`, position: 'insideEndTop' },
          data: [{ yAxis: report.targetMinutes }],
        },
      },
      {
        name: '90th percentile',
        type: 'bar',
        data: report.salespeople.map((p) => forLog(minutes(p.p90Seconds))),
      },
    ],
  };
}

/** Close rate (%) by source above, by salesperson below, a row each. */
export function closeRateChart(report: CloseRateReport): EChartsCoreOption {
  const sourcesHeight = 24 + report.sources.length * 24;
  const peopleTop = 32 + sourcesHeight + 40;
  const axis = { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } };
  return {
    ...base,
    legend: { show: false },
    title: [
      { text: 'By source', left: 0, top: 0, textStyle: { fontSize: 13 } },
      { text: 'By salesperson', left: 0, top: peopleTop - 28, textStyle: { fontSize: 13 } },
    ],
    grid: [
      { left: 8, right: 24, top: 28, height: sourcesHeight, containLabel: true },
      { left: 8, right: 24, top: peopleTop, bottom: 8, containLabel: true },
    ],
    yAxis: [
      {
        type: 'category',
        gridIndex: 0,
        inverse: true,
        data: report.sources.map((s) => leadSourceLabel(s.source)),
      },
      {
        type: 'category',
        gridIndex: 1,
        inverse: true,
        data: report.salespeople.map((p) => p.salespersonName ?? p.salespersonId),
      },
    ],
    xAxis: [
      { ...axis, gridIndex: 0 },
      { ...axis, gridIndex: 1 },
    ],
    series: [
      {
        name: 'Close rate by source',
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: report.sources.map((s) => percent(s.rate)),
      },
      {
        name: 'Close rate by salesperson',
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        itemStyle: { color: CHART_COLORS[1] },
        data: report.salespeople.map((p) => percent(p.rate)),
      },
    ],
  };
}

/** How tall the close-rate chart is: both lists of rows and their titles. */
export function closeRateHeight(report: CloseRateReport): number {
  return 32 + 24 + report.sources.length * 24 + 40 + 24 + report.salespeople.length * 24 + 40;
}

/** The sources that cost something: what a lead and a sale from each cost, in dollars. */
export function paidSources(report: SourceCostReport) {
  return report.sources.filter((s) => s.costCents > 0);
}

export function sourceCostChart(report: SourceCostReport): EChartsCoreOption {
  const paid = paidSources(report);
  return {
    ...base,
    xAxis: { type: 'value', axisLabel: { formatter: '${value}' } },
    yAxis: { type: 'category', inverse: true, data: paid.map((s) => leadSourceLabel(s.source)) },
    series: [
      { name: 'Cost per lead', type: 'bar', data: paid.map((s) => dollars(s.costPerLeadCents)) },
      { name: 'Cost per sale', type: 'bar', data: paid.map((s) => dollars(s.costPerSaleCents)) },
    ],
  };
}

/** The lot at the end of the period, by days since listing. */
export function inventoryAgingChart(report: InventoryAgingReport): EChartsCoreOption {
  return {
    ...base,
    legend: { show: false },
    xAxis: { type: 'category', data: report.buckets.map((b) => b.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: 'Vehicles',
        type: 'bar',
        data: report.buckets.map((b, index) => ({
          value: b.vehicles,
          // Older stock in warmer colours: the ones to act on stand out.
          itemStyle: { color: ['#009E73', '#56B4E9', '#E69F00', '#D55E00'][index] ?? CHART_COLORS[0] },
        })),
      },
    ],
  };
}

/** Leads and sales per rooftop of the group. */
export function rooftopsChart(report: RooftopsReport): EChartsCoreOption {
  return {
    ...base,
    xAxis: {
      type: 'category',
      data: report.rooftops.map((r) => r.dealershipName ?? r.dealershipId.slice(0, 8)),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Leads', type: 'bar', data: report.rooftops.map((r) => Math.round(r.leads.current)) },
      { name: 'Sold', type: 'bar', data: report.rooftops.map((r) => Math.round(r.sold.current)) },
    ],
  };
}
