import {
  AGING_BUCKETS,
  MAX_REPORT_ROWS,
  type AnalyticsReportName,
  type CloseRate,
  type CloseRateReport,
  type FirstResponseReport,
  type FunnelReport,
  type FunnelSteps,
  type InventoryAgingReport,
  type LeadsBySourceReport,
  type NoResultSearchesReport,
  type ReportMeta,
  type ReportQuery,
  type RooftopsReport,
  type SourceCostReport,
  type SourceCostRow,
} from '@showroom/contracts';
import type { Tenant } from '@showroom/server-kit';
import type { AnalyticsEngine, EventFilter, LeadsAndSales } from '../engine/port';
import type { DealershipDirectory } from '../peers/dealership-directory';
import type { AnalyticsSettingsService } from '../settings/settings-service';
import type { SourceCostService } from '../settings/source-cost-service';
import { audienceOf, type ReportAudience } from './report-audience';
import { periodsOf, type ReportPeriod, type ReportPeriods } from './report-period';
import { monthsOf, proratedCosts } from './source-cost-proration';

export interface ReportServiceDeps {
  engine: AnalyticsEngine;
  /** The first-response target. */
  settings: Pick<AnalyticsSettingsService, 'settings'>;
  /** Monthly source costs. */
  sourceCosts: Pick<SourceCostService, 'costsBetween'>;
  /** Time zones and rooftop names. */
  directory: Pick<DealershipDirectory, 'storefront' | 'timeZoneOf'>;
  clock: () => Date;
}

/** Each report's answer, by name. */
export interface ReportsByName {
  'leads-by-source': LeadsBySourceReport;
  funnel: FunnelReport;
  'first-response': FirstResponseReport;
  'close-rate': CloseRateReport;
  'source-costs': SourceCostReport;
  'inventory-aging': InventoryAgingReport;
  'no-result-searches': NoResultSearchesReport;
  rooftops: RooftopsReport;
}

/** Who asks, and what: each report is worked out for this. */
interface ReportRequest {
  audience: ReportAudience;
  periods: ReportPeriods;
  timeZone: string;
  /** The dealership acted for (its settings apply to the group view too). */
  activeDealershipId: string;
}

/** The reports of the lot, the shoppers and the dealership's spending: nobody's own figures, never narrowed. */
const NOT_PERSONAL: ReadonlySet<AnalyticsReportName> = new Set([
  'inventory-aging',
  'no-result-searches',
  'source-costs',
]);

const sumOf = <T>(rows: readonly T[], figure: (row: T) => number): number =>
  rows.reduce((sum, row) => sum + figure(row), 0);

/** Sales over leads, to four decimals; null without leads (no rate, rather than a made-up 0). */
export const closeRateOf = ({ leads, sold }: LeadsAndSales): CloseRate => ({
  leads,
  sold,
  rate: leads > 0 ? Math.round((sold / leads) * 10_000) / 10_000 : null,
});

/** Whole cents per lead or sale; null when there was none to divide by. */
const perCents = (costCents: number, count: number): number | null =>
  count > 0 ? Math.round(costCents / count) : null;

/**
 * The dashboard's reports: each turns the dealer's days into instants in the dealership's time
 * zone, applies the caller's role (own figures for salespeople, the group for those who may), asks
 * the engine for the period and the one before, and puts the answers in the report's shape.
 */
export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  /** The report `name` for the caller acting at their dealership (403 problems for what their role may not see). */
  async report<N extends AnalyticsReportName>(
    name: N,
    tenant: Tenant,
    query: ReportQuery,
  ): Promise<ReportsByName[N]> {
    const request = await this.requestOf(name, tenant, query);
    const reports: { [K in AnalyticsReportName]: (request: ReportRequest) => Promise<ReportsByName[K]> } = {
      'leads-by-source': (r) => this.leadsBySource(r),
      funnel: (r) => this.funnel(r),
      'first-response': (r) => this.firstResponse(r),
      'close-rate': (r) => this.closeRate(r),
      'source-costs': (r) => this.sourceCosts(r),
      'inventory-aging': (r) => this.inventoryAging(r),
      'no-result-searches': (r) => this.noResultSearches(r),
      rooftops: (r) => this.rooftops(r),
    };
    return reports[name](request);
  }

  private async requestOf(
    name: AnalyticsReportName,
    tenant: Tenant,
    query: ReportQuery,
  ): Promise<ReportRequest> {
    const audience = audienceOf(tenant, query);
    // Lot and shopper reports are the dealership's, whoever reads them (the role checks above still apply).
    if (NOT_PERSONAL.has(name)) audience.salespersonId = null;
    const timeZone = await this.deps.directory.timeZoneOf(tenant.dealershipId);
    return {
      audience,
      periods: periodsOf(query, timeZone),
      timeZone,
      activeDealershipId: tenant.dealershipId,
    };
  }

  private filterOf(request: ReportRequest, period: ReportPeriod): EventFilter {
    return {
      dealershipIds: request.audience.dealershipIds,
      from: period.from,
      to: period.to,
      timeZone: request.timeZone,
      salespersonId: request.audience.salespersonId,
    };
  }

  private currentFilter(request: ReportRequest): EventFilter {
    return this.filterOf(request, request.periods.current);
  }

  /** Runs `ask` for the current period and, when compared, the previous one (null otherwise). */
  private async both<T>(
    request: ReportRequest,
    ask: (filter: EventFilter, period: ReportPeriod) => Promise<T>,
  ) {
    const { current, previous } = request.periods;
    return Promise.all([
      ask(this.filterOf(request, current), current),
      previous ? ask(this.filterOf(request, previous), previous) : Promise.resolve(null),
    ]);
  }

  private metaOf(request: ReportRequest): ReportMeta {
    const { current, previous } = request.periods;
    return {
      from: current.fromDay,
      to: current.toDay,
      previousFrom: previous?.fromDay ?? null,
      previousTo: previous?.toDay ?? null,
      timeZone: request.timeZone,
      dealershipIds: request.audience.dealershipIds,
      salespersonId: request.audience.salespersonId,
    };
  }

  private async leadsBySource(request: ReportRequest): Promise<LeadsBySourceReport> {
    const [days, previousDays] = await this.both(request, (f) => this.deps.engine.leadsBySourceAndDay(f));
    const totals = (rows: readonly { source: string; leads: number }[]) => {
      const bySource = new Map<string, number>();
      for (const row of rows) bySource.set(row.source, (bySource.get(row.source) ?? 0) + row.leads);
      return bySource;
    };
    const current = totals(days);
    const previous = previousDays ? totals(previousDays) : null;
    const sources = [...new Set([...current.keys(), ...(previous?.keys() ?? [])])]
      .map((source) => ({
        source,
        leads: { current: current.get(source) ?? 0, previous: previous ? (previous.get(source) ?? 0) : null },
      }))
      .sort((a, b) => b.leads.current - a.leads.current || a.source.localeCompare(b.source));
    return {
      meta: this.metaOf(request),
      days,
      sources,
      total: {
        current: sumOf(days, (d) => d.leads),
        previous: previousDays ? sumOf(previousDays, (d) => d.leads) : null,
      },
    };
  }

  private async funnel(request: ReportRequest): Promise<FunnelReport> {
    const [sources, previousSources] = await this.both(request, (f) => this.deps.engine.funnelBySource(f));
    const totalOf = (rows: readonly FunnelSteps[]): FunnelSteps => ({
      vehicleViews: sumOf(rows, (r) => r.vehicleViews),
      leads: sumOf(rows, (r) => r.leads),
      appointments: sumOf(rows, (r) => r.appointments),
      sold: sumOf(rows, (r) => r.sold),
    });
    return {
      meta: this.metaOf(request),
      sources,
      total: totalOf(sources),
      previousTotal: previousSources ? totalOf(previousSources) : null,
    };
  }

  private async firstResponse(request: ReportRequest): Promise<FirstResponseReport> {
    const { firstResponseTargetMinutes } = await this.deps.settings.settings(request.activeDealershipId);
    const targetSeconds = firstResponseTargetMinutes * 60;
    const [salespeople, [overall, previousOverall]] = await Promise.all([
      this.deps.engine.firstResponseBySalesperson(this.currentFilter(request), targetSeconds),
      this.both(request, (f) => this.deps.engine.firstResponseOverall(f, targetSeconds)),
    ]);
    return {
      meta: this.metaOf(request),
      targetMinutes: firstResponseTargetMinutes,
      salespeople,
      overall,
      previousOverall,
    };
  }

  private async closeRate(request: ReportRequest): Promise<CloseRateReport> {
    const [[sources, previousSources], salespeople] = await Promise.all([
      this.both(request, (f) => this.deps.engine.leadsAndSalesBySource(f)),
      this.deps.engine.leadsAndSalesBySalesperson(this.currentFilter(request)),
    ]);
    const overallOf = (rows: readonly LeadsAndSales[]) =>
      closeRateOf({ leads: sumOf(rows, (r) => r.leads), sold: sumOf(rows, (r) => r.sold) });
    return {
      meta: this.metaOf(request),
      sources: sources.map((row) => ({ source: row.source, ...closeRateOf(row) })),
      salespeople: salespeople.map((row) => ({
        salespersonId: row.salespersonId,
        salespersonName: row.salespersonName,
        ...closeRateOf(row),
      })),
      overall: overallOf(sources),
      previousOverall: previousSources ? overallOf(previousSources) : null,
    };
  }

  private async sourceCosts(request: ReportRequest): Promise<SourceCostReport> {
    const [current, previous] = await this.both(request, (f, period) => this.costRows(request, f, period));
    const totalOf = (rows: readonly SourceCostRow[]): Omit<SourceCostRow, 'source'> => {
      const costCents = sumOf(rows, (r) => r.costCents);
      const leads = sumOf(rows, (r) => r.leads);
      const sold = sumOf(rows, (r) => r.sold);
      return {
        costCents,
        leads,
        sold,
        costPerLeadCents: perCents(costCents, leads),
        costPerSaleCents: perCents(costCents, sold),
      };
    };
    return {
      meta: this.metaOf(request),
      currency: 'USD',
      sources: current,
      total: totalOf(current),
      previousTotal: previous ? totalOf(previous) : null,
    };
  }

  /** Every source that cost something or sent a lead in the period, with its prorated cost. */
  private async costRows(
    request: ReportRequest,
    filter: EventFilter,
    period: ReportPeriod,
  ): Promise<SourceCostRow[]> {
    const { first, last } = monthsOf(period);
    const [leadsAndSales, ...costsByRooftop] = await Promise.all([
      this.deps.engine.leadsAndSalesBySource(filter),
      ...request.audience.dealershipIds.map((id) => this.deps.sourceCosts.costsBetween(id, first, last)),
    ]);
    const costs = new Map<string, number>();
    for (const rooftopCosts of costsByRooftop) {
      for (const [source, cents] of proratedCosts(rooftopCosts, period)) {
        costs.set(source, (costs.get(source) ?? 0) + cents);
      }
    }
    const figures = new Map(leadsAndSales.map((row) => [row.source, row]));
    return [...new Set([...costs.keys(), ...figures.keys()])]
      .map((source) => {
        const costCents = costs.get(source) ?? 0;
        const { leads, sold } = figures.get(source) ?? { leads: 0, sold: 0 };
        return {
          source,
          costCents,
          leads,
          sold,
          costPerLeadCents: perCents(costCents, leads),
          costPerSaleCents: perCents(costCents, sold),
        };
      })
      .sort((a, b) => b.costCents - a.costCents || b.leads - a.leads || a.source.localeCompare(b.source));
  }

  private async inventoryAging(request: ReportRequest): Promise<InventoryAgingReport> {
    // The lot as it stands at the end of the period, or now when the period runs on into today.
    const end = request.periods.current.to;
    const now = this.deps.clock();
    const asOf = end < now ? end : now;
    const [counts, [daysToSell, previousDaysToSell]] = await Promise.all([
      this.deps.engine.inventoryAging(
        request.audience.dealershipIds,
        asOf,
        AGING_BUCKETS.map((bucket) => bucket.fromDays),
      ),
      this.both(request, (f) => this.deps.engine.daysToSell(f)),
    ]);
    return {
      meta: this.metaOf(request),
      buckets: AGING_BUCKETS.map((bucket, i) => ({ ...bucket, vehicles: counts[i] ?? 0 })),
      daysToSell,
      previousDaysToSell,
    };
  }

  private async noResultSearches(request: ReportRequest): Promise<NoResultSearchesReport> {
    const [searches, [totals, previousTotals]] = await Promise.all([
      this.deps.engine.noResultSearches(this.currentFilter(request), MAX_REPORT_ROWS),
      this.both(request, (f) => this.deps.engine.searchTotals(f)),
    ]);
    return {
      meta: this.metaOf(request),
      searches: searches.map((row) => ({ ...row, lastSearchedAt: row.lastSearchedAt.toISOString() })),
      totalSearches: { current: totals.searches, previous: previousTotals?.searches ?? null },
      noResultSearches: {
        current: totals.noResultSearches,
        previous: previousTotals?.noResultSearches ?? null,
      },
    };
  }

  private async rooftops(request: ReportRequest): Promise<RooftopsReport> {
    const [[current, previous], names] = await Promise.all([
      this.both(request, (f) => this.deps.engine.rooftopFigures(f)),
      Promise.all(
        request.audience.dealershipIds.map(
          async (id) => [id, (await this.deps.directory.storefront(id))?.name ?? null] as const,
        ),
      ),
    ]);
    const nameOf = new Map(names);
    const currentOf = new Map(current.map((row) => [row.dealershipId, row]));
    const previousOf = previous ? new Map(previous.map((row) => [row.dealershipId, row])) : null;
    // Every rooftop in view gets a row, a quiet one with zeros: "no leads" is an answer too.
    const rooftops = request.audience.dealershipIds.map((dealershipId) => {
      const now = currentOf.get(dealershipId);
      const before = previousOf?.get(dealershipId);
      return {
        dealershipId,
        dealershipName: nameOf.get(dealershipId) ?? null,
        vehicleViews: now?.vehicleViews ?? 0,
        leads: { current: now?.leads ?? 0, previous: previousOf ? (before?.leads ?? 0) : null },
        sold: { current: now?.sold ?? 0, previous: previousOf ? (before?.sold ?? 0) : null },
        medianFirstResponseSeconds: now?.medianFirstResponseSeconds ?? null,
      };
    });
    rooftops.sort(
      (a, b) =>
        b.leads.current - a.leads.current ||
        (a.dealershipName ?? '').localeCompare(b.dealershipName ?? '') ||
        a.dealershipId.localeCompare(b.dealershipId),
    );
    return { meta: this.metaOf(request), rooftops };
  }
}
