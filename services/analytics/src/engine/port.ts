import type { AnalyticsEvent, FunnelSteps, ResponseTimes } from '@showroom/contracts';

/**
 * The analytics port: every question the dashboard asks, answered the same way by each engine
 * (Elasticsearch in production, the embedded DuckDB engine for `npm start` and tests). The
 * contract suite (engine-contract.ts) runs against both and pins these meanings:
 *
 * - Periods are instants, `from` inclusive and `to` exclusive; days are calendar days in `timeZone`.
 * - Shopper figures (views, searches) are sums of `weight` (1 / the visit's sample rate).
 * - `source` is the marketing source, and every report groups by it as stored. A shopper event's is
 *   its visit's traffic source (utm_source, else the referrer's host, else `direct`). A lead's is
 *   the traffic source of the website visit it came from when there is one (the storefront sends
 *   it with the form; leads keeps it as `traffic_source`), else the lead's own source (the ADF
 *   provider, `walk_in`, `phone`, `digital_retailing`…). So google's vehicle views and google's
 *   leads, appointments and sales share one funnel row, and a cost entered for a source meets its
 *   leads. The lead's `channel` still tells a website lead from a marketplace's.
 * - Without `salespersonId`, a lead counts when it arrives (`lead_created`). With it, a lead counts
 *   when it is assigned to that person (distinct `lead_assigned` leads), and sales, appointments and
 *   responses are theirs (`salespersonId` on the event).
 * - Sold is `lead_sold` events, appointments are `lead_status_changed` to `appointment_set`.
 * - Percentiles interpolate linearly between the closest ranks (DuckDB `quantile_cont`).
 * - Lists are ordered by their figure descending, then by name ascending; ties never reorder.
 *
 * Where the engines may differ, and beyond what volume: Elasticsearch's percentiles (HybridDigest)
 * are exact below 2,000 values per bucket and approximate above; its `cardinality` (distinct leads
 * of a salesperson, distinct sessions of a search) is exact up to its precision threshold of 40,000
 * and approximate above; and the top-N of no-result searches is gathered per monthly index, so a
 * term just outside one index's top `shard_size` can be missed. One dealership's period stays far
 * below all three; the contract suite holds both engines to exact figures there.
 */
export interface EventFilter {
  dealershipIds: readonly string[];
  from: Date;
  to: Date;
  timeZone: string;
  salespersonId?: string | null;
}

export interface DayLeads {
  /** YYYY-MM-DD in the filter's time zone. */
  day: string;
  source: string;
  leads: number;
}

export interface SourceFunnel extends FunnelSteps {
  source: string;
}

export interface SalespersonResponses {
  salespersonId: string;
  /** The name on the person's latest event in the period. */
  salespersonName: string | null;
  responses: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  withinTarget: number;
}

export interface LeadsAndSales {
  leads: number;
  sold: number;
}

export interface DaysToSell {
  sold: number;
  medianDays: number | null;
  averageDays: number | null;
}

export interface NoResultSearch {
  terms: string;
  searches: number;
  sessions: number;
  lastSearchedAt: Date;
}

export interface SearchTotals {
  searches: number;
  noResultSearches: number;
}

export interface RooftopFigures {
  dealershipId: string;
  vehicleViews: number;
  leads: number;
  sold: number;
  medianFirstResponseSeconds: number | null;
}

export interface AnalyticsEngine {
  /** Stores events. An id already stored is kept once, so a redelivered batch changes nothing. */
  append(events: readonly AnalyticsEvent[]): Promise<void>;
  leadsBySourceAndDay(filter: EventFilter): Promise<DayLeads[]>;
  /** One row per source that had views, leads, appointments or sales in the period. */
  funnelBySource(filter: EventFilter): Promise<SourceFunnel[]>;
  /** `lead_first_response` events by the salesperson who answered; `targetSeconds` counts `withinTarget` (≤). */
  firstResponseBySalesperson(filter: EventFilter, targetSeconds: number): Promise<SalespersonResponses[]>;
  /** Every `lead_first_response` of the filter as one set (narrowed when `salespersonId` is set); nulls when none. */
  firstResponseOverall(filter: EventFilter, targetSeconds: number): Promise<ResponseTimes>;
  leadsAndSalesBySource(filter: EventFilter): Promise<(LeadsAndSales & { source: string })[]>;
  leadsAndSalesBySalesperson(
    filter: EventFilter,
  ): Promise<(LeadsAndSales & { salespersonId: string; salespersonName: string | null })[]>;
  /**
   * The lot at `asOf`: vehicles listed at or before it and not sold or removed by then, counted by
   * whole days since listing into `bucketStartDays` (ascending lower bounds; the last is open).
   */
  inventoryAging(
    dealershipIds: readonly string[],
    asOf: Date,
    bucketStartDays: readonly number[],
  ): Promise<number[]>;
  /** `vehicle_sold` events in the period and their `daysOnLot`. */
  daysToSell(filter: EventFilter): Promise<DaysToSell>;
  /** Searches with `resultCount` 0, by `searchTerms`, most searched first. */
  noResultSearches(filter: EventFilter, limit: number): Promise<NoResultSearch[]>;
  searchTotals(filter: EventFilter): Promise<SearchTotals>;
  /** One row per dealership of the filter that had any event in the period. */
  rooftopFigures(filter: EventFilter): Promise<RooftopFigures[]>;
  /** Lead sources seen in the period (for the cost form), alphabetical. */
  leadSources(filter: EventFilter): Promise<string[]>;
  /**
   * Stored events with `from` ≤ occurredAt < `to`, ordered by id, after `afterId` (exclusive; null =
   * from the start), at most `limit`, exactly as appended (instants as UTC ISO strings). For the
   * nightly warehouse export, which pages through a day with it.
   */
  eventsBetween(from: Date, to: Date, afterId: string | null, limit: number): Promise<AnalyticsEvent[]>;
  /** Resolves when the engine can answer (tables, index template, lifecycle policy in place). */
  ready(): Promise<void>;
  close(): Promise<void>;
}
