import type { AnalyticsEvent } from '@showroom/contracts';

/**
 * The one declaration of an analytics event's fields. Every store derives its shape from this list:
 * the embedded engine's DuckDB columns (duckdb/schema.ts), the Elasticsearch index template
 * (elasticsearch/), the warehouse's Parquet columns and Redshift table. Adding a field to the
 * AnalyticsEvent contract without adding it here fails to compile (see the check at the bottom), so
 * no store can silently miss a field.
 *
 * - `name`: the field in the AnalyticsEvent contract (camelCase, as producers send it).
 * - `column`: the stored name (snake_case, as SQL and Kibana users expect). `event_type` and
 *   `model_year` avoid `type` and `year`, which are keywords in some SQL dialects.
 * - `type`: the logical type, in Elasticsearch's words: `keyword` (exact text), `date` (an instant),
 *   `long`, `integer`, `double`.
 * - `nullable`: false for the fields every event has.
 */
export type EventFieldType = 'keyword' | 'date' | 'long' | 'double' | 'integer';

export interface EventField {
  readonly name: keyof AnalyticsEvent;
  readonly column: string;
  readonly type: EventFieldType;
  readonly nullable: boolean;
}

const field = <N extends keyof AnalyticsEvent>(
  name: N,
  column: string,
  type: EventFieldType,
  nullable = true,
): EventField & { readonly name: N } => ({ name, column, type, nullable });

export const EVENT_FIELDS = [
  field('id', 'id', 'keyword', false),
  field('dealershipId', 'dealership_id', 'keyword', false),
  field('type', 'event_type', 'keyword', false),
  field('occurredAt', 'occurred_at', 'date', false),
  field('source', 'source', 'keyword'),
  field('channel', 'channel', 'keyword'),
  field('leadId', 'lead_id', 'keyword'),
  field('vehicleId', 'vehicle_id', 'keyword'),
  field('dealId', 'deal_id', 'keyword'),
  field('salespersonId', 'salesperson_id', 'keyword'),
  field('salespersonName', 'salesperson_name', 'keyword'),
  field('sessionId', 'session_id', 'keyword'),
  field('status', 'status', 'keyword'),
  field('lostReason', 'lost_reason', 'keyword'),
  // Seconds can exceed 2^31 only for absurd data, but a long costs nothing and never overflows.
  field('responseSeconds', 'response_seconds', 'long'),
  // Up to MAX_PRICE_CENTS (10^9), which fits an integer today; long leaves room for a sum or a change.
  field('priceCents', 'price_cents', 'long'),
  field('daysOnLot', 'days_on_lot', 'integer'),
  field('listedAt', 'listed_at', 'date'),
  field('vehicleCondition', 'vehicle_condition', 'keyword'),
  field('make', 'make', 'keyword'),
  field('model', 'model', 'keyword'),
  field('year', 'model_year', 'integer'),
  field('searchTerms', 'search_terms', 'keyword'),
  field('resultCount', 'result_count', 'integer'),
  field('form', 'form', 'keyword'),
  field('dealKind', 'deal_kind', 'keyword'),
  // 1 / a sample rate: fractional (a 0.3 rate weighs 3.33…).
  field('weight', 'weight', 'double', false),
] as const satisfies readonly EventField[];

/** The stored column of a contract field, for code that writes queries by field name. */
export function eventColumn(name: keyof AnalyticsEvent): string {
  const found = EVENT_FIELDS.find((f) => f.name === name);
  if (!found) throw new Error(`no analytics event field named ${name}`);
  return found.column;
}

// Compile-time completeness: every contract field is declared, and nothing else is.
type Declared = (typeof EVENT_FIELDS)[number]['name'];
type Missing = Exclude<keyof AnalyticsEvent, Declared>;
const everyFieldDeclared: [Missing] extends [never] ? true : { missing: Missing } = true;
void everyFieldDeclared;
