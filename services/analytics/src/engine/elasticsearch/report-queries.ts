import type { estypes } from '@elastic/elasticsearch';
import type { EventFilter } from '../port';
import { APPOINTMENT_STATUS, UNKNOWN_SOURCE } from '../reporting-rules';
import { EVENT_TIMESTAMP_FIELD as AT } from './event-document';

/**
 * The search bodies behind each port method, as plain data (the request-body tests compare them
 * whole). They mirror duckdb/report-queries.ts clause by clause; the comments name the SQL each
 * one stands for. Every body starts from `periodQuery`, so none can forget the dealerships or the
 * period.
 */
export type Query = estypes.QueryDslQueryContainer;
export type Aggregations = Record<string, estypes.AggregationsAggregationContainer>;
export interface SearchBody {
  query: Query;
  aggs?: Aggregations;
  size: number;
  track_total_hits: boolean;
  sort?: estypes.Sort;
  search_after?: estypes.SortResults;
}

/**
 * Buckets one terms aggregation may return: sources, salespeople and dealerships are dozens, not
 * thousands, so every one comes back and the engine orders them itself (as SQL's ORDER BY would).
 */
export const ALL_TERMS = 10_000;
/** Leads (or vehicles) per page of a composite aggregation. */
export const COMPOSITE_PAGE = 1_000;
/** Elasticsearch counts distinct values exactly up to this many (HyperLogLog++ beyond; 40 000 is its maximum). */
export const CARDINALITY_PRECISION = 40_000;
export const DAY_MS = 86_400_000;

const type = (...types: string[]): Query =>
  types.length === 1 ? { term: { event_type: types[0] } } : { terms: { event_type: types } };
const exists = (field: string): Query => ({ exists: { field } });

/** `dealership_id IN (…) AND occurred_at >= from AND occurred_at < to`. */
export function periodQuery(filter: EventFilter, ...clauses: Query[]): Query {
  return {
    bool: {
      filter: [
        { terms: { dealership_id: [...filter.dealershipIds] } },
        { range: { [AT]: { gte: filter.from.toISOString(), lt: filter.to.toISOString() } } },
        ...clauses,
      ],
    },
  };
}

/** The salesperson's own business events (SQL's `theirs`), or every event when the filter has none. */
function theirs(filter: EventFilter): Query[] {
  return filter.salespersonId ? [{ term: { salesperson_id: filter.salespersonId } }] : [];
}

const bySource = (aggs: Aggregations): estypes.AggregationsAggregationContainer => ({
  terms: { field: 'source', missing: UNKNOWN_SOURCE, size: ALL_TERMS },
  aggs,
});

/** The latest non-null name of a salesperson among the bucket's events (SQL's arg_max(salesperson_name, occurred_at)). */
const latestName: Aggregations = {
  named: {
    filter: exists('salesperson_name'),
    aggs: {
      latest: {
        top_hits: {
          size: 1,
          sort: [{ [AT]: { order: 'desc' } }],
          _source: { includes: ['salesperson_name'] },
        },
      },
    },
  },
};

const count = (filter: EventFilter, query: Query, aggs: Aggregations): SearchBody => ({
  query: periodQuery(filter, query),
  aggs,
  size: 0,
  track_total_hits: false,
});

// ---------------------------------------------------------------------------------------------
// Credited leads (SQL's creditedLeads)
// ---------------------------------------------------------------------------------------------

/** Without a salesperson, a lead counts when it arrives: lead_created events, counted in aggregations. */
export const LEAD_CREATED: Query = type('lead_created');

/**
 * With a salesperson, a lead counts once, on its first assignment to them in the period, under the
 * source of that assignment: a page of (dealership, lead) buckets, each with its earliest event.
 */
export function assignedLeadsPage(filter: EventFilter, after?: Record<string, string>): SearchBody {
  return count(
    filter,
    { bool: { filter: [type('lead_assigned'), exists('lead_id'), ...theirs(filter)] } },
    {
      leads: {
        composite: {
          size: COMPOSITE_PAGE,
          sources: [
            { dealership: { terms: { field: 'dealership_id' } } },
            { lead: { terms: { field: 'lead_id' } } },
          ],
          ...(after ? { after } : {}),
        },
        aggs: {
          first: {
            top_hits: { size: 1, sort: [{ [AT]: { order: 'asc' } }], _source: { includes: [AT, 'source'] } },
          },
        },
      },
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

/** Leads per calendar day in the filter's time zone and source (lead_created only; see assignedLeadsPage). */
export function leadsByDayAndSource(filter: EventFilter): SearchBody {
  return count(filter, LEAD_CREATED, {
    days: {
      date_histogram: {
        field: AT,
        calendar_interval: '1d',
        time_zone: filter.timeZone,
        format: 'yyyy-MM-dd',
        min_doc_count: 1,
      },
      aggs: { sources: { terms: { field: 'source', missing: UNKNOWN_SOURCE, size: ALL_TERMS } } },
    },
  });
}

/**
 * The funnel's steps by source: vehicle views (weighted; never narrowed to a salesperson, shoppers
 * are nobody's), appointments and sales (the salesperson's), and, without a salesperson, leads.
 */
export function funnelSteps(filter: EventFilter): SearchBody {
  const business = filter.salespersonId ? [] : [LEAD_CREATED];
  return count(
    filter,
    {
      bool: {
        should: [
          type('vehicle_view'),
          { bool: { filter: [type('lead_status_changed', 'lead_sold'), ...theirs(filter)] } },
          ...business,
        ],
        minimum_should_match: 1,
      },
    },
    {
      sources: bySource({
        steps: {
          filters: {
            filters: {
              vehicle_views: type('vehicle_view'),
              appointments: {
                bool: { filter: [type('lead_status_changed'), { term: { status: APPOINTMENT_STATUS } }] },
              },
              sold: type('lead_sold'),
              ...(filter.salespersonId ? {} : { leads: LEAD_CREATED }),
            },
          },
          aggs: { weight: { sum: { field: 'weight' } } },
        },
      }),
    },
  );
}

export function firstResponses(filter: EventFilter, targetSeconds: number): SearchBody {
  return count(
    filter,
    {
      bool: {
        filter: [
          type('lead_first_response'),
          exists('salesperson_id'),
          exists('response_seconds'),
          ...theirs(filter),
        ],
      },
    },
    {
      salespeople: {
        terms: { field: 'salesperson_id', size: ALL_TERMS },
        aggs: {
          seconds: { percentiles: { field: 'response_seconds', percents: [50, 90] } },
          within_target: { filter: { range: { response_seconds: { lte: targetSeconds } } } },
          ...latestName,
        },
      },
    },
  );
}

/** Every answer of the filter as one set, whoever gave it (an answer without a salesperson counts here). */
export function firstResponsesOverall(filter: EventFilter, targetSeconds: number): SearchBody {
  return {
    ...count(
      filter,
      { bool: { filter: [type('lead_first_response'), exists('response_seconds'), ...theirs(filter)] } },
      {
        seconds: { percentiles: { field: 'response_seconds', percents: [50, 90] } },
        within_target: { filter: { range: { response_seconds: { lte: targetSeconds } } } },
      },
    ),
    track_total_hits: true,
  };
}

/** Sales by source (the salesperson's), and, without a salesperson, leads by source. */
export function leadsAndSalesBySource(filter: EventFilter): SearchBody {
  const wanted = filter.salespersonId
    ? { bool: { filter: [type('lead_sold'), ...theirs(filter)] } }
    : { bool: { should: [type('lead_sold'), LEAD_CREATED], minimum_should_match: 1 } };
  return count(filter, wanted, {
    sources: bySource({
      steps: {
        filters: {
          filters: { sold: type('lead_sold'), ...(filter.salespersonId ? {} : { leads: LEAD_CREATED }) },
        },
      },
    }),
  });
}

/** Per salesperson: the distinct leads assigned to them and their sales. */
export function leadsAndSalesBySalesperson(filter: EventFilter): SearchBody {
  return count(
    filter,
    { bool: { filter: [type('lead_assigned', 'lead_sold'), exists('salesperson_id'), ...theirs(filter)] } },
    {
      salespeople: {
        terms: { field: 'salesperson_id', size: ALL_TERMS },
        aggs: {
          assigned: {
            filter: type('lead_assigned'),
            aggs: {
              leads: { cardinality: { field: 'lead_id', precision_threshold: CARDINALITY_PRECISION } },
            },
          },
          sold: { filter: type('lead_sold') },
          ...latestName,
        },
      },
    },
  );
}

/**
 * The lot at `asOf` from the vehicles index (vehicle-documents.ts keeps each vehicle as its latest
 * lifecycle event): listed at or before asOf and not ended by then. A vehicle's whole days on the
 * lot, floor((asOf − listed_at) / 1 day), fall in bucket i when
 *   asOf − start[i+1]·day < listed_at ≤ asOf − start[i]·day,
 * which a range aggregation (from inclusive, to exclusive) states exactly one millisecond later.
 */
export function lotAging(
  dealershipIds: readonly string[],
  asOf: Date,
  bucketStartDays: readonly number[],
): SearchBody {
  const at = asOf.getTime();
  return {
    query: {
      bool: {
        filter: [
          { terms: { dealership_id: [...dealershipIds] } },
          { range: { listed_at: { lte: asOf.toISOString() } } },
        ],
        must_not: [{ range: { ended_at: { lte: asOf.toISOString() } } }],
      },
    },
    aggs: {
      ages: {
        range: {
          field: 'listed_at',
          ranges: bucketStartDays.map((start, i) => {
            const next = bucketStartDays[i + 1];
            return {
              key: String(i),
              ...(next === undefined ? {} : { from: at - next * DAY_MS + 1 }),
              to: at - start * DAY_MS + 1,
            };
          }),
        },
      },
    },
    size: 0,
    track_total_hits: false,
  };
}

/** vehicle_sold events of the period and their days on the lot (the dealership's; never narrowed to a salesperson). */
export function daysToSell(filter: EventFilter): SearchBody {
  return {
    ...count(filter, type('vehicle_sold'), {
      days: { percentiles: { field: 'days_on_lot', percents: [50] } },
      average: { avg: { field: 'days_on_lot' } },
    }),
    // Every sale counts, with or without days_on_lot, as SQL's count(*).
    track_total_hits: true,
  };
}

export function noResultSearches(filter: EventFilter, limit: number): SearchBody {
  return count(
    filter,
    { bool: { filter: [type('search'), { term: { result_count: 0 } }, exists('search_terms')] } },
    {
      terms: {
        terms: {
          field: 'search_terms',
          size: limit,
          // Ordered by a sum, each shard must return more than `limit` for the top to be right.
          shard_size: Math.max(limit * 10, 500),
          order: [{ searches: 'desc' }, { _key: 'asc' }],
        },
        aggs: {
          searches: { sum: { field: 'weight' } },
          sessions: { cardinality: { field: 'session_id', precision_threshold: CARDINALITY_PRECISION } },
          last: { max: { field: AT } },
        },
      },
    },
  );
}

export function searchTotals(filter: EventFilter): SearchBody {
  return count(filter, type('search'), {
    searches: { sum: { field: 'weight' } },
    no_results: { filter: { term: { result_count: 0 } }, aggs: { searches: { sum: { field: 'weight' } } } },
  });
}

/** Per dealership with any event in the period: views, sales, the median first response and (without a salesperson) leads. */
export function rooftopFigures(filter: EventFilter): SearchBody {
  const mine = (query: Query): Query => ({ bool: { filter: [query, ...theirs(filter)] } });
  return count(
    filter,
    { match_all: {} },
    {
      rooftops: {
        terms: { field: 'dealership_id', size: ALL_TERMS },
        aggs: {
          views: { filter: type('vehicle_view'), aggs: { weight: { sum: { field: 'weight' } } } },
          sold: { filter: mine(type('lead_sold')) },
          responses: {
            filter: mine(type('lead_first_response')),
            aggs: { seconds: { percentiles: { field: 'response_seconds', percents: [50] } } },
          },
          ...(filter.salespersonId ? {} : { leads: { filter: LEAD_CREATED } }),
        },
      },
    },
  );
}

export function leadSources(filter: EventFilter): SearchBody {
  return count(
    filter,
    { bool: { filter: [LEAD_CREATED, exists('source')] } },
    {
      sources: { terms: { field: 'source', size: ALL_TERMS, order: { _key: 'asc' } } },
    },
  );
}

/** One page of the warehouse export: every dealership's events of the period, in id order after a cursor. */
export function eventsPage(from: Date, to: Date, afterId: string | null, size: number): SearchBody {
  return {
    query: { range: { [AT]: { gte: from.toISOString(), lt: to.toISOString() } } },
    size,
    track_total_hits: false,
    sort: [{ id: { order: 'asc' } }],
    ...(afterId === null ? {} : { search_after: [afterId] }),
  };
}
