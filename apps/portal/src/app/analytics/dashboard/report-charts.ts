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
];

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
      name: source,
      type: 'bar',
      stack: 'leads',
      data: days.map((day) => counts.get(`${day}|${source}`) ?? 0),
    })),
  };
}

/** Each source's way from vehicle views to sold, the steps side by side. */
export function funnelChart(report: FunnelReport): EChartsCoreOption {
  const steps = [
    ['Vehicle views', 'vehicleViews'],
    ['Leads', 'leads'],
    ['Appointments', 'appointments'],
    ['Sold', 'sold'],
  ] as const;
  return {
    ...base,
    xAxis: { type: 'category', data: report.sources.map((s) => s.source) },
    yAxis: { type: 'value', minInterval: 1 },
    series: steps.map(([name, key]) => ({
      name,
      type: 'bar',
      data: report.sources.map((s) => Math.round(s[key])),
    })),
  };
}

/** Median and 90th percentile per salesperson, in minutes, against the dealership's target. */
export function firstResponseChart(report: FirstResponseReport): EChartsCoreOption {
  const names = report.salespeople.map((p) => p.salespersonName ?? p.salespersonId);
  return {
    ...base,
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', name: 'minutes' },
    series: [
      {
        name: 'Median',
        type: 'bar',
        data: report.salespeople.map((p) => minutes(p.medianSeconds)),
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#D55E00', type: 'dashed', width: 2 },
          label: { formatter: `Target ${report.targetMinutes} min`, position: 'insideEndTop' },
          data: [{ yAxis: report.targetMinutes }],
        },
      },
      { name: '90th percentile', type: 'bar', data: report.salespeople.map((p) => minutes(p.p90Seconds)) },
    ],
  };
}

/** Close rate (%) by source on the left, by salesperson on the right. */
export function closeRateChart(report: CloseRateReport): EChartsCoreOption {
  return {
    ...base,
    legend: { show: false },
    title: [
      { text: 'By source', left: '0%', top: 0, textStyle: { fontSize: 13 } },
      { text: 'By salesperson', left: '52%', top: 0, textStyle: { fontSize: 13 } },
    ],
    grid: [
      { left: 8, width: '44%', top: 32, bottom: 8, containLabel: true },
      { left: '52%', right: 16, top: 32, bottom: 8, containLabel: true },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: report.sources.map((s) => s.source) },
      {
        type: 'category',
        gridIndex: 1,
        data: report.salespeople.map((p) => p.salespersonName ?? p.salespersonId),
      },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', gridIndex: 1, max: 100, axisLabel: { formatter: '{value}%' } },
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

/** What a lead and a sale cost per source, in dollars. */
export function sourceCostChart(report: SourceCostReport): EChartsCoreOption {
  return {
    ...base,
    xAxis: { type: 'category', data: report.sources.map((s) => s.source) },
    yAxis: { type: 'value', axisLabel: { formatter: '${value}' } },
    series: [
      { name: 'Cost per lead', type: 'bar', data: report.sources.map((s) => dollars(s.costPerLeadCents)) },
      { name: 'Cost per sale', type: 'bar', data: report.sources.map((s) => dollars(s.costPerSaleCents)) },
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
