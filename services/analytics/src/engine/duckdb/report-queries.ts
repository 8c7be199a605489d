import type { DuckDBValue } from '@duckdb/node-api';
import type { EventFilter } from '../port';
import { APPOINTMENT_STATUS, UNKNOWN_SOURCE } from '../reporting-rules';
import { EVENTS_TABLE } from './schema';

/**
 * The SQL behind each port method (port.ts has their meanings; engine-contract.ts pins them).
 * Every report on a period filters through `periodEvents` (the lot at a moment through
 * `dealershipCondition`), so none can forget the dealerships or the period.
 * Counts and sums come back as DOUBLE so the engine hands out plain numbers, never BigInts.
 */
export interface Query {
  sql: string;
  params: Record<string, DuckDBValue>;
}

/** Named parameters of one query, so values never enter the SQL text. */
class Params {
  readonly values: Record<string, DuckDBValue> = {};
  add(name: string, value: DuckDBValue): string {
    this.values[name] = value;
    return `$${name}`;
  }
}

const SOURCE = `coalesce(source, '${UNKNOWN_SOURCE}')`;

function dealershipCondition(p: Params, dealershipIds: readonly string[]): string {
  if (dealershipIds.length === 0) return 'FALSE';
  return `dealership_id IN (${dealershipIds.map((id, i) => p.add(`dealership${i}`, id)).join(', ')})`;
}

/** Events of the filter's dealerships with from ≤ occurred_at < to. */
function periodEvents(p: Params, filter: EventFilter): string {
  return `${dealershipCondition(p, filter.dealershipIds)}
    AND occurred_at >= ${p.add('from', filter.from.toISOString())}::TIMESTAMPTZ
    AND occurred_at < ${p.add('to', filter.to.toISOString())}::TIMESTAMPTZ`;
}

/** Narrows a business event to the filter's salesperson, when there is one. */
function theirs(p: Params, filter: EventFilter): string {
  return filter.salespersonId ? `salesperson_id = ${p.add('salesperson', filter.salespersonId)}` : 'TRUE';
}

/**
 * The leads a period is credited with, one row each (dealership_id, source, occurred_at). Without a
 * salesperson a lead counts when it arrives; with one, when it was assigned to them (a lead assigned
 * to them twice in the period counts once, on its first assignment).
 */
function creditedLeads(p: Params, filter: EventFilter): string {
  if (!filter.salespersonId) {
    return `SELECT dealership_id, ${SOURCE} AS source, occurred_at
      FROM ${EVENTS_TABLE}
      WHERE event_type = 'lead_created' AND ${periodEvents(p, filter)}`;
  }
  return `SELECT dealership_id, arg_min(${SOURCE}, occurred_at) AS source, min(occurred_at) AS occurred_at
    FROM ${EVENTS_TABLE}
    WHERE event_type = 'lead_assigned' AND lead_id IS NOT NULL AND ${theirs(p, filter)} AND ${periodEvents(p, filter)}
    GROUP BY dealership_id, lead_id`;
}

export function leadsBySourceAndDaySql(filter: EventFilter): Query {
  const p = new Params();
  const sql = `WITH credited AS (${creditedLeads(p, filter)})
    SELECT strftime(timezone(${p.add('timeZone', filter.timeZone)}, occurred_at), '%Y-%m-%d') AS day,
      source, count(*)::DOUBLE AS leads
    FROM credited
    GROUP BY ALL
    ORDER BY day, leads DESC, source`;
  return { sql, params: p.values };
}

export function funnelBySourceSql(filter: EventFilter): Query {
  const p = new Params();
  if (!filter.salespersonId) {
    // Every step counts events of one type: one pass over the period.
    const sql = `SELECT * FROM (
        SELECT ${SOURCE} AS source,
          coalesce(sum(weight) FILTER (WHERE event_type = 'vehicle_view'), 0)::DOUBLE AS vehicle_views,
          (count(*) FILTER (WHERE event_type = 'lead_created'))::DOUBLE AS leads,
          (count(*) FILTER (WHERE event_type = 'lead_status_changed' AND status = '${APPOINTMENT_STATUS}'))::DOUBLE AS appointments,
          (count(*) FILTER (WHERE event_type = 'lead_sold'))::DOUBLE AS sold
        FROM ${EVENTS_TABLE}
        WHERE event_type IN ('vehicle_view', 'lead_created', 'lead_status_changed', 'lead_sold') AND ${periodEvents(p, filter)}
        GROUP BY 1)
      WHERE vehicle_views > 0 OR leads > 0 OR appointments > 0 OR sold > 0
      ORDER BY leads DESC, source`;
    return { sql, params: p.values };
  }
  const sql = `WITH credited AS (${creditedLeads(p, filter)}),
    leads AS (SELECT source, count(*) AS leads FROM credited GROUP BY source),
    steps AS (
      SELECT ${SOURCE} AS source,
        coalesce(sum(weight) FILTER (WHERE event_type = 'vehicle_view'), 0) AS vehicle_views,
        count(*) FILTER (WHERE event_type = 'lead_status_changed' AND status = '${APPOINTMENT_STATUS}') AS appointments,
        count(*) FILTER (WHERE event_type = 'lead_sold') AS sold
      FROM ${EVENTS_TABLE}
      WHERE event_type IN ('vehicle_view', 'lead_status_changed', 'lead_sold')
        AND (event_type = 'vehicle_view' OR ${theirs(p, filter)})
        AND ${periodEvents(p, filter)}
      GROUP BY 1)
    SELECT coalesce(steps.source, leads.source) AS source,
      coalesce(vehicle_views, 0)::DOUBLE AS vehicle_views,
      coalesce(leads, 0)::DOUBLE AS leads,
      coalesce(appointments, 0)::DOUBLE AS appointments,
      coalesce(sold, 0)::DOUBLE AS sold
    FROM steps FULL JOIN leads ON steps.source = leads.source
    WHERE coalesce(vehicle_views, 0) > 0 OR coalesce(leads, 0) > 0 OR coalesce(appointments, 0) > 0 OR coalesce(sold, 0) > 0
    ORDER BY leads DESC, source`;
  return { sql, params: p.values };
}

export function firstResponseBySalespersonSql(filter: EventFilter, targetSeconds: number): Query {
  const p = new Params();
  const sql = `SELECT salesperson_id,
      arg_max(salesperson_name, occurred_at) AS salesperson_name,
      count(*)::DOUBLE AS responses,
      quantile_cont(response_seconds::DOUBLE, 0.5) AS median_seconds,
      quantile_cont(response_seconds::DOUBLE, 0.9) AS p90_seconds,
      (count(*) FILTER (WHERE response_seconds <= ${p.add('target', targetSeconds)}))::DOUBLE AS within_target
    FROM ${EVENTS_TABLE}
    WHERE event_type = 'lead_first_response' AND salesperson_id IS NOT NULL AND response_seconds IS NOT NULL
      AND ${theirs(p, filter)} AND ${periodEvents(p, filter)}
    GROUP BY salesperson_id
    ORDER BY responses DESC, salesperson_name NULLS LAST, salesperson_id`;
  return { sql, params: p.values };
}

/** Every answer of the filter as one set, whoever gave it (a response without a salesperson counts here). */
export function firstResponseOverallSql(filter: EventFilter, targetSeconds: number): Query {
  const p = new Params();
  const sql = `SELECT count(*)::DOUBLE AS responses,
      quantile_cont(response_seconds::DOUBLE, 0.5) AS median_seconds,
      quantile_cont(response_seconds::DOUBLE, 0.9) AS p90_seconds,
      (count(*) FILTER (WHERE response_seconds <= ${p.add('target', targetSeconds)}))::DOUBLE AS within_target
    FROM ${EVENTS_TABLE}
    WHERE event_type = 'lead_first_response' AND response_seconds IS NOT NULL
      AND ${theirs(p, filter)} AND ${periodEvents(p, filter)}`;
  return { sql, params: p.values };
}

export function leadsAndSalesBySourceSql(filter: EventFilter): Query {
  const p = new Params();
  if (!filter.salespersonId) {
    const sql = `SELECT ${SOURCE} AS source,
        (count(*) FILTER (WHERE event_type = 'lead_created'))::DOUBLE AS leads,
        (count(*) FILTER (WHERE event_type = 'lead_sold'))::DOUBLE AS sold
      FROM ${EVENTS_TABLE}
      WHERE event_type IN ('lead_created', 'lead_sold') AND ${periodEvents(p, filter)}
      GROUP BY 1
      ORDER BY leads DESC, source`;
    return { sql, params: p.values };
  }
  const sql = `WITH credited AS (${creditedLeads(p, filter)}),
    leads AS (SELECT source, count(*) AS leads FROM credited GROUP BY source),
    sold AS (
      SELECT ${SOURCE} AS source, count(*) AS sold
      FROM ${EVENTS_TABLE}
      WHERE event_type = 'lead_sold' AND ${theirs(p, filter)} AND ${periodEvents(p, filter)}
      GROUP BY 1)
    SELECT coalesce(leads.source, sold.source) AS source,
      coalesce(leads, 0)::DOUBLE AS leads, coalesce(sold, 0)::DOUBLE AS sold
    FROM leads FULL JOIN sold ON leads.source = sold.source
    ORDER BY leads DESC, source`;
  return { sql, params: p.values };
}

/** Per salesperson: the distinct leads assigned to them and their sales; the name on their latest such event. */
export function leadsAndSalesBySalespersonSql(filter: EventFilter): Query {
  const p = new Params();
  const sql = `SELECT salesperson_id,
      arg_max(salesperson_name, occurred_at) AS salesperson_name,
      (count(DISTINCT lead_id) FILTER (WHERE event_type = 'lead_assigned'))::DOUBLE AS leads,
      (count(*) FILTER (WHERE event_type = 'lead_sold'))::DOUBLE AS sold
    FROM ${EVENTS_TABLE}
    WHERE event_type IN ('lead_assigned', 'lead_sold') AND salesperson_id IS NOT NULL
      AND ${theirs(p, filter)} AND ${periodEvents(p, filter)}
    GROUP BY salesperson_id
    ORDER BY leads DESC, salesperson_name NULLS LAST, salesperson_id`;
  return { sql, params: p.values };
}

/**
 * The lot at `asOf`, as (whole days since listing, vehicles) pairs; the engine buckets them. A
 * vehicle's state is its latest lifecycle event at or before asOf (a sale or removal wins a tie
 * with a listing at the same instant), so a relisted vehicle is back on the lot.
 */
export function lotAgesSql(dealershipIds: readonly string[], asOf: Date): Query {
  const p = new Params();
  const at = `${p.add('asOf', asOf.toISOString())}::TIMESTAMPTZ`;
  const sql = `WITH latest AS (
      SELECT event_type, coalesce(listed_at, occurred_at) AS listed_at
      FROM ${EVENTS_TABLE}
      WHERE event_type IN ('vehicle_listed', 'vehicle_price_changed', 'vehicle_sold', 'vehicle_removed')
        AND vehicle_id IS NOT NULL AND occurred_at <= ${at}
        AND ${dealershipCondition(p, dealershipIds)}
      QUALIFY row_number() OVER (
        PARTITION BY dealership_id, vehicle_id
        ORDER BY occurred_at DESC, event_type IN ('vehicle_sold', 'vehicle_removed') DESC) = 1)
    SELECT floor((epoch_ms(${at}) - epoch_ms(listed_at)) / 86400000)::DOUBLE AS days, count(*)::DOUBLE AS vehicles
    FROM latest
    WHERE event_type IN ('vehicle_listed', 'vehicle_price_changed') AND listed_at <= ${at}
    GROUP BY 1`;
  return { sql, params: p.values };
}

export function daysToSellSql(filter: EventFilter): Query {
  const p = new Params();
  // Vehicles are the dealership's, not a salesperson's: the filter's salesperson does not narrow them.
  const sql = `SELECT count(*)::DOUBLE AS sold,
      quantile_cont(days_on_lot::DOUBLE, 0.5) AS median_days,
      avg(days_on_lot::DOUBLE) AS average_days
    FROM ${EVENTS_TABLE}
    WHERE event_type = 'vehicle_sold' AND ${periodEvents(p, filter)}`;
  return { sql, params: p.values };
}

export function noResultSearchesSql(filter: EventFilter, limit: number): Query {
  const p = new Params();
  const sql = `SELECT search_terms AS terms,
      sum(weight)::DOUBLE AS searches,
      count(DISTINCT session_id)::DOUBLE AS sessions,
      max(occurred_at) AS last_searched_at
    FROM ${EVENTS_TABLE}
    WHERE event_type = 'search' AND result_count = 0 AND search_terms IS NOT NULL AND ${periodEvents(p, filter)}
    GROUP BY search_terms
    ORDER BY searches DESC, terms
    LIMIT ${p.add('limit', limit)}`;
  return { sql, params: p.values };
}

export function searchTotalsSql(filter: EventFilter): Query {
  const p = new Params();
  const sql = `SELECT coalesce(sum(weight), 0)::DOUBLE AS searches,
      coalesce(sum(weight) FILTER (WHERE result_count = 0), 0)::DOUBLE AS no_result_searches
    FROM ${EVENTS_TABLE}
    WHERE event_type = 'search' AND ${periodEvents(p, filter)}`;
  return { sql, params: p.values };
}

export function rooftopFiguresSql(filter: EventFilter): Query {
  const p = new Params();
  if (!filter.salespersonId) {
    // One pass over the period: the group view reads every event of every rooftop.
    const sql = `SELECT dealership_id,
        coalesce(sum(weight) FILTER (WHERE event_type = 'vehicle_view'), 0)::DOUBLE AS vehicle_views,
        (count(*) FILTER (WHERE event_type = 'lead_created'))::DOUBLE AS leads,
        (count(*) FILTER (WHERE event_type = 'lead_sold'))::DOUBLE AS sold,
        quantile_cont(response_seconds::DOUBLE, 0.5) FILTER (WHERE event_type = 'lead_first_response') AS median_seconds
      FROM ${EVENTS_TABLE}
      WHERE ${periodEvents(p, filter)}
      GROUP BY dealership_id
      ORDER BY leads DESC, dealership_id`;
    return { sql, params: p.values };
  }
  const sql = `WITH credited AS (${creditedLeads(p, filter)}),
    leads AS (SELECT dealership_id, count(*) AS leads FROM credited GROUP BY dealership_id),
    figures AS (
      SELECT dealership_id,
        coalesce(sum(weight) FILTER (WHERE event_type = 'vehicle_view'), 0) AS vehicle_views,
        count(*) FILTER (WHERE event_type = 'lead_sold' AND ${theirs(p, filter)}) AS sold,
        quantile_cont(response_seconds::DOUBLE, 0.5) FILTER (
          WHERE event_type = 'lead_first_response' AND ${theirs(p, filter)}) AS median_seconds
      FROM ${EVENTS_TABLE}
      WHERE ${periodEvents(p, filter)}
      GROUP BY dealership_id)
    SELECT figures.dealership_id, vehicle_views::DOUBLE AS vehicle_views,
      coalesce(leads, 0)::DOUBLE AS leads, sold::DOUBLE AS sold, median_seconds
    FROM figures LEFT JOIN leads ON figures.dealership_id = leads.dealership_id
    ORDER BY leads DESC, figures.dealership_id`;
  return { sql, params: p.values };
}

export function leadSourcesSql(filter: EventFilter): Query {
  const p = new Params();
  const sql = `SELECT DISTINCT source
    FROM ${EVENTS_TABLE}
    WHERE event_type = 'lead_created' AND source IS NOT NULL AND ${periodEvents(p, filter)}
    ORDER BY source`;
  return { sql, params: p.values };
}

/** The warehouse export's page: stored events of a period in id order, after a cursor. */
export function eventsBetweenSql(from: Date, to: Date, afterId: string | null, limit: number): Query {
  const p = new Params();
  const after = afterId === null ? 'TRUE' : `id > ${p.add('afterId', afterId)}`;
  const sql = `SELECT * FROM ${EVENTS_TABLE}
    WHERE occurred_at >= ${p.add('from', from.toISOString())}::TIMESTAMPTZ
      AND occurred_at < ${p.add('to', to.toISOString())}::TIMESTAMPTZ
      AND ${after}
    ORDER BY id
    LIMIT ${p.add('limit', limit)}`;
  return { sql, params: p.values };
}
