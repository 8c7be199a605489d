import type { estypes } from '@elastic/elasticsearch';
import { EVENT_FIELDS, type EventFieldType } from '../fields';
import { documentField } from './event-document';

/**
 * What ready() puts in the cluster before the first event: the lifecycle policy, the index
 * template of the events' data stream, and the vehicles index. All three are derived here from
 * fields.ts, so the mapping can never drift from the DuckDB columns or the warehouse's tables.
 */
export interface ElasticsearchNames {
  /** The data stream events are written to; its backing indices are `.ds-<name>-…`. */
  dataStream: string;
  /** One document per vehicle (listed, ended), upserted from vehicle_* events. */
  vehiclesIndex: string;
}

export const DEFAULT_NAMES: ElasticsearchNames = {
  dataStream: 'showroom-analytics-events',
  vehiclesIndex: 'showroom-analytics-vehicles',
};

/**
 * Events are kept this long after their backing index rolls over: a report covers at most 366 days
 * and compares them with the 366 before, so two years and a margin answer every report. Older
 * history lives in the warehouse (Redshift), which is where questions about it belong.
 */
export const DEFAULT_RETENTION_DAYS = 760;

/** A backing index rolls over at this age or primary shard size, whichever comes first. */
export const ROLLOVER = { max_age: '30d', max_primary_shard_size: '50gb' } as const;

const MANAGED_BY = 'showroom analytics service (services/analytics/src/engine/elasticsearch)';

/** The lifecycle policy's name: the data stream's, so two data streams never share a retention by accident. */
export function lifecyclePolicyName(names: ElasticsearchNames): string {
  return names.dataStream;
}

export function lifecyclePolicy(retentionDays: number): estypes.IlmPolicy {
  return {
    _meta: { managed_by: MANAGED_BY },
    phases: {
      hot: { actions: { rollover: { ...ROLLOVER } } },
      delete: { min_age: `${retentionDays}d`, actions: { delete: {} } },
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

/** Matches the data stream by its exact name, so a second stream with a longer name is not captured. */
export function eventIndexTemplate(names: ElasticsearchNames): estypes.IndicesPutIndexTemplateRequest {
  return {
    name: names.dataStream,
    index_patterns: [names.dataStream],
    data_stream: {},
    // Above the built-in templates (priority 100 for logs-*-*, metrics-*-*), which must never win.
    priority: 200,
    _meta: { managed_by: MANAGED_BY },
    template: {
      settings: {
        // One dealer group's events per day are small; one shard per backing index keeps
        // terms-aggregation ordering exact and the cluster's shard count low.
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
