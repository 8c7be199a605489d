import type { AnalyticsReportName } from '@showroom/contracts';
import {
  everyReport,
  firstResponseReport,
  inventoryAgingReport,
  sourceCostReport,
} from '../analytics-fixtures';
import { tableToCsv } from '../shared/csv';
import { changeOf, REPORT_DEFINITIONS, type ReportDefinition } from './report-views';

const range = { from: '2026-11-30', to: '2026-12-06' };
const definition = (name: AnalyticsReportName) =>
  REPORT_DEFINITIONS.find((d) => d.name === name) as unknown as ReportDefinition;

describe('what each card makes of its report', () => {
  it('has a card for every report, each with a table whose rows fit its columns', () => {
    const reports = everyReport();
    expect(REPORT_DEFINITIONS.map((d) => d.name).sort()).toEqual(Object.keys(reports).sort());
    for (const card of REPORT_DEFINITIONS as readonly ReportDefinition[]) {
      const view = card.view(reports[card.name], range);
      expect(view.table.rows.length, card.name).toBeGreaterThan(0);
      for (const row of view.table.rows) expect(row, card.name).toHaveLength(view.table.columns.length);
      expect(view.empty, card.name).toBe(false);
    }
  });

  it('draws the first-response target as a line at its minutes, times in minutes', () => {
    const view = definition('first-response').view(firstResponseReport(), range);
    const [median, p90] = (view.chart?.['series'] ?? []) as {
      data: number[];
      markLine?: { data: { yAxis: number }[] };
    }[];
    expect(median.data).toEqual([10]);
    expect(p90.data).toEqual([30]);
    expect(median.markLine?.data).toEqual([{ yAxis: 15 }]);
    // 10 minutes against 15 before: a third less, which is good news for a response time.
    expect(view.headline.lowerIsBetter).toBe(true);
    expect(changeOf(view.headline)).toBeCloseTo(-1 / 3);
  });

  it('writes costs per lead and per sale in dollars in the CSV', () => {
    const csv = tableToCsv(definition('source-costs').view(sourceCostReport(), range).table);
    expect(csv.slice(1).split('\r\n').slice(0, 2)).toEqual([
      'Source,Cost (USD),Leads,Sold,Cost per lead (USD),Cost per sale (USD)',
      'website,700.00,5,1,140.00,700.00',
    ]);
  });

  it('calls an empty lot with no sales empty, and a lot with cars not', () => {
    const aging = inventoryAgingReport();
    const card = definition('inventory-aging');
    expect(card.view(aging, range).empty).toBe(false);
    const empty = {
      ...aging,
      buckets: aging.buckets.map((b) => ({ ...b, vehicles: 0 })),
      daysToSell: { sold: 0, medianDays: null, averageDays: null },
    };
    expect(card.view(empty, range).empty).toBe(true);
  });

  it('says nothing about a change when there was nothing before', () => {
    expect(changeOf({ label: '', kind: 'count', current: 5, previous: 0, lowerIsBetter: false })).toBeNull();
    expect(
      changeOf({ label: '', kind: 'count', current: 5, previous: null, lowerIsBetter: false }),
    ).toBeNull();
    expect(changeOf({ label: '', kind: 'count', current: 6, previous: 4, lowerIsBetter: false })).toBe(0.5);
  });
});
