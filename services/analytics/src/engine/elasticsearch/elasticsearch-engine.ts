import type { Client, estypes } from '@elastic/elasticsearch';
import type { AnalyticsEvent, ResponseTimes } from '@showroom/contracts';
import type { Logger } from 'pino';
import { AnalyticsEngineClosedError } from '../engine-errors';
import { checkEvents } from '../event-checks';
import { checkedCount, checkedFilter, checkedInstant } from '../filter-checks';
import type {
  AnalyticsEngine,
  DayLeads,
  DaysToSell,
  EventFilter,
  LeadsAndSales,
  NoResultSearch,
  RooftopFigures,
  SalespersonResponses,
  SearchTotals,
  SourceFunnel,
} from '../port';
import { DEFAULT_BULK_RETRY, writeBulk, type BulkOperation, type BulkRetryPolicy } from './bulk-writer';
import { fromEventDocument, toEventDocument } from './event-document';
import { putAnalyticsIndices } from './cluster-setup';
import {
  checkNames,
  DEFAULT_NAMES,
  DEFAULT_RETENTION_DAYS,
  eventsIndexFor,
  eventsPattern,
  type ElasticsearchNames,
} from './index-template';
import * as queries from './report-queries';
import { creditedLeads, type CreditedLead } from './credited-leads';
import { byFigureThenName, compareBytes, dayIn } from '../reporting-rules';
import { vehicleOperation } from './vehicle-documents';

export interface ElasticsearchEngineOptions {
  names?: Partial<ElasticsearchNames>;
  /** Days events are kept at least after they occurred (index-template.ts explains the default). */
  retentionDays?: number;
  /** The clock ready() reads to create this month's events index; tests pass a fixed one. */
  now?: () => Date;
  retry?: BulkRetryPolicy;
  /**
   * `false` (the default): appended events are searchable after the index's refresh interval (1 s).
   * `wait_for` makes append resolve only once they are, at the cost of up to that second per batch.
   */
  refresh?: false | 'wait_for';
  logger?: Logger;
  /** Waits between bulk retries; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

/** Hits per page of the warehouse export: Elasticsearch's default max_result_window. */
const EXPORT_PAGE = 10_000;

type Aggs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- aggregation responses are read by name

const percentile = (aggregate: Aggs | undefined, percent: number): number | null =>
  (aggregate?.['values']?.[percent.toFixed(1)] as number | null | undefined) ?? null;
const latestName = (bucket: Aggs): string | null =>
  (bucket['named']?.['latest']?.['hits']?.['hits']?.[0]?.['_source']?.['salesperson_name'] as
    string | undefined) ?? null;

/**
 * The production engine: events in monthly Elasticsearch indices (`<events>-YYYY.MM` by the
 * event's month, index-template.ts says why), reports as aggregations over all of them. Each
 * method answers exactly what the DuckDB engine answers (port.ts; the shared contract suite runs
 * against both, this one over test/fake-elasticsearch.ts). Where Elasticsearch could estimate, it
 * is exact for the sizes one dealership has per period: percentiles (TDigest; since 8.9 its hybrid
 * digest keeps every value of a bucket below 2,000 values, 20 × the default compression, and
 * interpolates at q·(n−1) exactly as DuckDB's quantile_cont), distinct counts (HyperLogLog++,
 * exact in practice below the precision_threshold of 40,000).
 */
export class ElasticsearchEngine implements AnalyticsEngine {
  private readonly names: ElasticsearchNames;
  private closed = false;
  private setup: Promise<void> | null = null;

  constructor(
    private readonly client: Client,
    private readonly options: ElasticsearchEngineOptions = {},
  ) {
    this.names = checkNames({ ...DEFAULT_NAMES, ...options.names });
  }

  /**
   * Puts the lifecycle policy, the index template, this month's events index, the events'
   * mapping and the vehicles index. Every
   * step is idempotent (a put replaces, a create that exists is fine), so each task runs it on
   * start; after it succeeds once, ready() answers at once (the readiness probe calls it often).
   */
  ready(): Promise<void> {
    if (this.closed) return Promise.reject(new AnalyticsEngineClosedError());
    this.setup ??= putAnalyticsIndices(this.client, this.names, {
      retentionDays: this.options.retentionDays ?? DEFAULT_RETENTION_DAYS,
      now: this.options.now?.() ?? new Date(),
      logger: this.options.logger,
    }).catch((error: unknown) => {
      // A cluster that was not reachable is tried again by the next call, not remembered as down.
      this.setup = null;
      throw error;
    });
    return this.setup;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  /**
   * Creates each event once (op_type create, `_id` = the event's id, in the index of its
   * occurredAt's month: a redelivered event, however much later, is a 409 there, which is what
   * "already stored" looks like), then writes each vehicle event's vehicle. The
   * vehicles are written for every vehicle event, stored now or before, so a batch retried after the
   * events went in but the vehicles did not still brings the vehicles up to date.
   */
  async append(events: readonly AnalyticsEvent[]): Promise<void> {
    this.open();
    // The whole batch is checked before anything is sent: the cluster would refuse a bad event
    // only item by item, after the rest of the batch is stored.
    checkEvents(events);
    if (events.length === 0) return;
    const documents = events.map(toEventDocument);
    await this.write(
      events.map((event, index) => ({
        action: { create: { _index: eventsIndexFor(this.names, event.occurredAt), _id: event.id } },
        body: documents[index],
        label: `event ${event.id}`,
      })),
    );
    const vehicles = events
      .map((event) => vehicleOperation(event, this.names.vehiclesIndex))
      .filter((operation): operation is BulkOperation => operation !== null);
    if (vehicles.length > 0) await this.write(vehicles);
  }

  async leadsBySourceAndDay(filter: EventFilter): Promise<DayLeads[]> {
    checkedFilter(filter);
    let rows: DayLeads[];
    if (filter.salespersonId) {
      const counts = new Map<string, DayLeads>();
      for (const lead of await this.credited(filter)) {
        const day = dayIn(filter.timeZone, lead.at);
        const key = JSON.stringify([day, lead.source]);
        const row = counts.get(key) ?? { day, source: lead.source, leads: 0 };
        row.leads += 1;
        counts.set(key, row);
      }
      rows = [...counts.values()];
    } else {
      const aggs = await this.aggregate(queries.leadsByDayAndSource(filter));
      rows = (aggs['days'].buckets as Aggs[]).flatMap((day) =>
        (day['sources'].buckets as Aggs[]).map((source) => ({
          day: day['key_as_string'] as string,
          source: source['key'] as string,
          leads: source['doc_count'] as number,
        })),
      );
    }
    // ORDER BY day, leads DESC, source
    return rows.sort(
      (a, b) => compareBytes(a.day, b.day) || b.leads - a.leads || compareBytes(a.source, b.source),
    );
  }

  async funnelBySource(filter: EventFilter): Promise<SourceFunnel[]> {
    checkedFilter(filter);
    const rows = new Map<string, SourceFunnel>();
    const row = (source: string) => {
      const found = rows.get(source) ?? { source, vehicleViews: 0, leads: 0, appointments: 0, sold: 0 };
      rows.set(source, found);
      return found;
    };
    const aggs = await this.aggregate(queries.funnelSteps(filter));
    for (const bucket of aggs['sources'].buckets as Aggs[]) {
      const steps = bucket['steps'].buckets as Aggs;
      const funnel = row(bucket['key'] as string);
      funnel.vehicleViews = steps['vehicle_views']['weight'].value as number;
      funnel.appointments = steps['appointments']['doc_count'] as number;
      funnel.sold = steps['sold']['doc_count'] as number;
      if (steps['leads']) funnel.leads = steps['leads']['doc_count'] as number;
    }
    if (filter.salespersonId) for (const lead of await this.credited(filter)) row(lead.source).leads += 1;
    return [...rows.values()]
      .filter((r) => r.vehicleViews > 0 || r.leads > 0 || r.appointments > 0 || r.sold > 0)
      .sort(
        byFigureThenName(
          (r) => r.leads,
          (r) => r.source,
        ),
      );
  }

  async firstResponseBySalesperson(
    filter: EventFilter,
    targetSeconds: number,
  ): Promise<SalespersonResponses[]> {
    checkedFilter(filter);
    const aggs = await this.aggregate(
      queries.firstResponses(filter, checkedCount(targetSeconds, 'targetSeconds')),
    );
    return (aggs['salespeople'].buckets as Aggs[])
      .map((bucket) => ({
        salespersonId: bucket['key'] as string,
        salespersonName: latestName(bucket),
        responses: bucket['doc_count'] as number,
        medianSeconds: percentile(bucket['seconds'], 50),
        p90Seconds: percentile(bucket['seconds'], 90),
        withinTarget: bucket['within_target']['doc_count'] as number,
      }))
      .sort(bySalesperson((r) => r.responses));
  }

  async firstResponseOverall(filter: EventFilter, targetSeconds: number): Promise<ResponseTimes> {
    checkedFilter(filter);
    const response = await this.search(
      queries.firstResponsesOverall(filter, checkedCount(targetSeconds, 'targetSeconds')),
    );
    const aggs = response.aggregations as Aggs;
    return {
      responses: totalHits(response),
      medianSeconds: percentile(aggs['seconds'], 50),
      p90Seconds: percentile(aggs['seconds'], 90),
      withinTarget: aggs['within_target']['doc_count'] as number,
    };
  }

  async leadsAndSalesBySource(filter: EventFilter): Promise<(LeadsAndSales & { source: string })[]> {
    checkedFilter(filter);
    const rows = new Map<string, LeadsAndSales & { source: string }>();
    const row = (source: string) => {
      const found = rows.get(source) ?? { source, leads: 0, sold: 0 };
      rows.set(source, found);
      return found;
    };
    const aggs = await this.aggregate(queries.leadsAndSalesBySource(filter));
    for (const bucket of aggs['sources'].buckets as Aggs[]) {
      const steps = bucket['steps'].buckets as Aggs;
      const figures = row(bucket['key'] as string);
      figures.sold = steps['sold']['doc_count'] as number;
      if (steps['leads']) figures.leads = steps['leads']['doc_count'] as number;
    }
    if (filter.salespersonId) for (const lead of await this.credited(filter)) row(lead.source).leads += 1;
    return [...rows.values()]
      .filter((r) => r.leads > 0 || r.sold > 0)
      .sort(
        byFigureThenName(
          (r) => r.leads,
          (r) => r.source,
        ),
      );
  }

  async leadsAndSalesBySalesperson(
    filter: EventFilter,
  ): Promise<(LeadsAndSales & { salespersonId: string; salespersonName: string | null })[]> {
    checkedFilter(filter);
    const aggs = await this.aggregate(queries.leadsAndSalesBySalesperson(filter));
    return (aggs['salespeople'].buckets as Aggs[])
      .map((bucket) => ({
        salespersonId: bucket['key'] as string,
        salespersonName: latestName(bucket),
        leads: bucket['assigned']['leads'].value as number,
        sold: bucket['sold']['doc_count'] as number,
      }))
      .sort(bySalesperson((r) => r.leads));
  }

  async inventoryAging(
    dealershipIds: readonly string[],
    asOf: Date,
    bucketStartDays: readonly number[],
  ): Promise<number[]> {
    this.open();
    bucketStartDays.forEach((start, i) => checkedCount(start, `bucketStartDays[${i}]`));
    checkedInstant(asOf, 'asOf');
    if (bucketStartDays.length === 0) return [];
    const aggs = await this.aggregate(
      queries.lotAging(dealershipIds, asOf, bucketStartDays),
      this.names.vehiclesIndex,
    );
    return (aggs['ages'].buckets as Aggs[]).map((bucket) => bucket['doc_count'] as number);
  }

  async daysToSell(filter: EventFilter): Promise<DaysToSell> {
    checkedFilter(filter);
    const response = await this.search(queries.daysToSell(filter));
    const aggs = response.aggregations as Aggs;
    const sold = totalHits(response);
    return {
      sold,
      medianDays: percentile(aggs['days'], 50),
      averageDays: (aggs['average'].value as number | null) ?? null,
    };
  }

  async noResultSearches(filter: EventFilter, limit: number): Promise<NoResultSearch[]> {
    checkedFilter(filter);
    if (checkedCount(limit, 'limit') === 0) return [];
    const aggs = await this.aggregate(queries.noResultSearches(filter, limit));
    return (aggs['terms'].buckets as Aggs[]).map((bucket) => ({
      terms: bucket['key'] as string,
      searches: bucket['searches'].value as number,
      sessions: bucket['sessions'].value as number,
      lastSearchedAt: new Date(bucket['last'].value as number),
    }));
  }

  async searchTotals(filter: EventFilter): Promise<SearchTotals> {
    checkedFilter(filter);
    const aggs = await this.aggregate(queries.searchTotals(filter));
    return {
      searches: aggs['searches'].value as number,
      noResultSearches: aggs['no_results']['searches'].value as number,
    };
  }

  async rooftopFigures(filter: EventFilter): Promise<RooftopFigures[]> {
    checkedFilter(filter);
    const aggs = await this.aggregate(queries.rooftopFigures(filter));
    const rows = (aggs['rooftops'].buckets as Aggs[]).map((bucket) => ({
      dealershipId: bucket['key'] as string,
      vehicleViews: bucket['views']['weight'].value as number,
      leads: (bucket['leads']?.['doc_count'] as number | undefined) ?? 0,
      sold: bucket['sold']['doc_count'] as number,
      medianFirstResponseSeconds: percentile(bucket['responses']['seconds'], 50),
    }));
    if (filter.salespersonId) {
      const byDealership = new Map(rows.map((r) => [r.dealershipId, r]));
      for (const lead of await this.credited(filter)) {
        const rooftop = byDealership.get(lead.dealershipId);
        if (rooftop) rooftop.leads += 1;
      }
    }
    return rows.sort(
      byFigureThenName(
        (r) => r.leads,
        (r) => r.dealershipId,
      ),
    );
  }

  async leadSources(filter: EventFilter): Promise<string[]> {
    checkedFilter(filter);
    const aggs = await this.aggregate(queries.leadSources(filter));
    return (aggs['sources'].buckets as Aggs[]).map((bucket) => bucket['key'] as string).sort(compareBytes);
  }

  /**
   * Stored events with from ≤ occurredAt < to, in id order, after `afterId` (exclusive; null = from
   * the start), at most `limit`: the nightly warehouse export pages through a day with it.
   */
  async eventsBetween(
    from: Date,
    to: Date,
    afterId: string | null,
    limit: number,
  ): Promise<AnalyticsEvent[]> {
    this.open();
    checkedInstant(from, 'from');
    checkedInstant(to, 'to');
    checkedCount(limit, 'limit');
    const events: AnalyticsEvent[] = [];
    let cursor = afterId;
    // A limit above one search's window is served by several pages, so "fewer than limit" still means "no more".
    while (events.length < limit) {
      const size = Math.min(EXPORT_PAGE, limit - events.length);
      const response = await this.search(queries.eventsPage(from, to, cursor, size));
      const hits = response.hits.hits;
      const page = hits.map((hit) => fromEventDocument(hit._source as Record<string, unknown>));
      events.push(...page);
      const last = page.at(-1);
      if (!last || page.length < size) break;
      cursor = last.id;
    }
    return events;
  }

  private async credited(filter: EventFilter): Promise<CreditedLead[]> {
    return creditedLeads((after) => this.aggregate(queries.assignedLeadsPage(filter, after)));
  }

  private async write(operations: BulkOperation[]): Promise<void> {
    await writeBulk(this.client, operations, {
      refresh: this.options.refresh ?? false,
      retry: this.options.retry ?? DEFAULT_BULK_RETRY,
      sleep: this.options.sleep,
    });
  }

  private async aggregate(body: queries.SearchBody, index = eventsPattern(this.names)): Promise<Aggs> {
    const response = await this.search(body, index);
    // A pattern that matches no index answers 200 without aggregations (ready() creates one so it
    // never does); say so rather than fail on an undefined bucket list.
    if (!response.aggregations) throw new Error(`no aggregations from ${index}: has ready() run?`);
    return response.aggregations as Aggs;
  }

  private async search(
    body: queries.SearchBody,
    index = eventsPattern(this.names),
  ): Promise<estypes.SearchResponse> {
    this.open();
    return this.client.search({ index, ...body });
  }

  private open(): void {
    if (this.closed) throw new AnalyticsEngineClosedError();
  }
}

function totalHits(response: estypes.SearchResponse): number {
  const total = response.hits.total;
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

/** ORDER BY figure DESC, salesperson_name NULLS LAST, salesperson_id. */
function bySalesperson<T extends { salespersonId: string; salespersonName: string | null }>(
  figure: (row: T) => number,
) {
  return (a: T, b: T) =>
    figure(b) - figure(a) ||
    (a.salespersonName === b.salespersonName
      ? 0
      : a.salespersonName === null
        ? 1
        : b.salespersonName === null
          ? -1
          : compareBytes(a.salespersonName, b.salespersonName)) ||
    compareBytes(a.salespersonId, b.salespersonId);
}
