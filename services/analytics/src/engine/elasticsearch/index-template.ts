import type { estypes } from '@elastic/elasticsearch';
import { EVENT_FIELDS, type EventFieldType } from '../fields';
import { documentField } from './event-document';

/**
 * What ready() puts in the cluster before the first event: the lifecycle policy and index template
 * of the events' monthly indices, the current month's index, and the vehicles index. All are
 * derived here from fields.ts, so the mapping can never drift from the DuckDB columns or the
 * warehouse's tables.
 *
 * Events live in one concrete index per calendar month (UTC) of their `occurredAt`:
 * `<events>-YYYY.MM`. An event's id and instant never change, so every delivery of it is a
 * `create` of the same `_id` in the same index, and a redelivery is a 409 for as long as the
 * event is kept. (A data stream could not promise that: an `_id` is unique only in one backing
 * index, and a redelivery after a rollover would land in the new one as a second copy.)
 */
export interface ElasticsearchNames {
  /** The events' index prefix: events go to `<events>-YYYY.MM`, reports read `<events>-*`. */
  events: string;
  /** One document per vehicle (listed, ended), upserted from vehicle_* events. */
  vehiclesIndex: string;
}

export const DEFAULT_NAMES: ElasticsearchNames = {
  events: 'showroom-analytics-events',
  vehiclesIndex: 'showroom-analytics-vehicles',
};

/**
 * Events are kept at least this long after they occurred: a report covers at most 366 days and
 * compares them with the 366 before, so two years and a margin answer every report. Older history
 * lives in the warehouse (Redshift), which is where questions about it belong.
 */
export const DEFAULT_RETENTION_DAYS = 760;

/**
 * A month's index is created no earlier than that month's first day (by its first event, or by
 * ready() in that month), and takes events until the month's last: its age at deletion is the
 * retention plus the longest month, so its last event is kept the whole retention too.
 */
const LONGEST_MONTH_DAYS = 31;

const MANAGED_BY = 'showroom analytics service (services/analytics/src/engine/elasticsearch)';

/**
 * The monthly indices' lifecycle policy and index template are both named `<events>-monthly`:
 * not `<events>`, the name the data stream of earlier builds gave its own, so ready() never has to
 * replace a template a data stream still uses (Elasticsearch refuses that). README: migration.
 */
export function lifecyclePolicyName(names: ElasticsearchNames): string {
  return `${names.events}-monthly`;
}

export function eventIndexTemplateName(names: ElasticsearchNames): string {
  return `${names.events}-monthly`;
}

/** Every month's index, for searches and put-mapping (never the vehicles index: see checkNames). */
export function eventsPattern(names: ElasticsearchNames): string {
  return `${names.events}-*`;
}

/** The index an event is stored in: its occurredAt's month in UTC, so the same event always lands in the same index. */
export function eventsIndexFor(names: ElasticsearchNames, occurredAt: string | Date): string {
  const instant = new Date(occurredAt);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an instant: ${String(occurredAt)}`);
  const month = String(instant.getUTCMonth() + 1).padStart(2, '0');
  return `${names.events}-${instant.getUTCFullYear()}.${month}`;
}

/**
 * Refuses names whose events pattern would take in the vehicles index: the template would give it
 * the events' mapping and every report would read vehicles as events.
 */
export function checkNames(names: ElasticsearchNames): ElasticsearchNames {
  if (names.vehiclesIndex.startsWith(`${names.events}-`))
    throw new Error(
      `the vehicles index ${names.vehiclesIndex} must not match the events' indices ${eventsPattern(names)}`,
    );
  return names;
}

/**
 * Delete-only: a monthly index is never rolled over (its month decides what goes in), and is
 * deleted once its age, counted from its creation, passes the retention plus a month.
 */
export function lifecyclePolicy(retentionDays: number): estypes.IlmPolicy {
  return {
    _meta: { managed_by: MANAGED_BY },
    phases: {
      delete: { min_age: `${retentionDays + LONGEST_MONTH_DAYS}d`, actions: { delete: {} } },
    },
  };
}

const MAPPING_TYPES: Record<EventFieldType, estypes.MappingProperty> = {
  // Every text field is an exact value (ids, sources, normalised search terms): aggregated, never analysed.
  keyword: { type: 'keyword', ignore_above: 256 },
  date: { type: 'date' },
  long: { type: 'long' },
  integer: { type: 'integer' },
  double: { type: 'double' },
};

/** The events' mapping: one property per field of fields.ts, nothing else (dynamic: strict). */
export function eventMappings(): estypes.MappingTypeMapping {
  const properties: Record<string, estypes.MappingProperty> = {};
  for (const field of EVENT_FIELDS) properties[documentField(field.name)] = { ...MAPPING_TYPES[field.type] };
  return {
    // A field that is not declared in fields.ts is refused, not guessed at: a typo in a producer
    // fails its batch instead of creating a column no report reads.
    dynamic: 'strict',
    _meta: { managed_by: MANAGED_BY, declared_in: 'services/analytics/src/engine/fields.ts' },
    properties,
  };
}

/** Matches every month's index (`<events>-*`); `@timestamp` stays the time field Kibana's picker uses. */
export function eventIndexTemplate(names: ElasticsearchNames): estypes.IndicesPutIndexTemplateRequest {
  return {
    name: eventIndexTemplateName(names),
    index_patterns: [eventsPattern(names)],
    // Above the built-in templates (priority 100 for logs-*-*, metrics-*-*), which must never win.
    priority: 200,
    _meta: { managed_by: MANAGED_BY },
    template: {
      settings: {
        // One dealer group's events per month are small; one shard per month keeps the cluster's
        // shard count low (a 366-day report reads 13 shards).
        'index.number_of_shards': 1,
        'index.lifecycle.name': lifecyclePolicyName(names),
      },
      mappings: eventMappings(),
    },
  };
}

/**
 * The vehicles index: each vehicle as its latest lifecycle event (vehicle-documents.ts), the lot as
 * inventory aging asks it. `ended_at` is set only while that latest event is a sale or removal.
 */
export const VEHICLE_FIELDS = {
  dealership_id: { type: 'keyword' },
  vehicle_id: { type: 'keyword' },
  listed_at: { type: 'date' },
  ended_at: { type: 'date' },
  /** The event type the document was last written from (vehicle_listed … vehicle_removed). */
  last_event: { type: 'keyword' },
  last_event_at: { type: 'date' },
  vehicle_condition: { type: 'keyword' },
  make: { type: 'keyword' },
  model: { type: 'keyword' },
  model_year: { type: 'integer' },
  price_cents: { type: 'long' },
} as const satisfies Record<string, estypes.MappingProperty>;

export function vehiclesIndex(names: ElasticsearchNames): estypes.IndicesCreateRequest {
  return {
    index: names.vehiclesIndex,
    settings: { 'index.number_of_shards': 1 },
    mappings: vehicleMappings(),
  };
}

export function vehicleMappings(): estypes.MappingTypeMapping {
  return {
    dynamic: 'strict',
    _meta: { managed_by: MANAGED_BY },
    properties: structuredClone(VEHICLE_FIELDS) as Record<string, estypes.MappingProperty>,
  };
}
