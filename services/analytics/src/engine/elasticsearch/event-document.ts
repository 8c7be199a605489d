import type { AnalyticsEvent } from '@showroom/contracts';
import { EVENT_FIELDS } from '../fields';

/**
 * How an event is stored in Elasticsearch: the columns of fields.ts, except that the instant of the
 * event is `@timestamp`, the time field Kibana's picker and the Elastic conventions expect. Everything
 * else keeps its snake_case column name, so a Kibana user sees the same names as a Redshift user.
 */
export const EVENT_TIMESTAMP_FIELD = '@timestamp';

/** The document field that stores a contract field. */
export function documentField(name: keyof AnalyticsEvent): string {
  if (name === 'occurredAt') return EVENT_TIMESTAMP_FIELD;
  const found = EVENT_FIELDS.find((f) => f.name === name);
  if (!found) throw new Error(`no analytics event field named ${name}`);
  return found.column;
}

export type EventDocument = Record<string, string | number>;

/**
 * One event as a flat document (checked by event-checks.ts first). Null fields are left out rather than stored as null: Elasticsearch
 * indexes neither, and a smaller source is cheaper to keep for the retention period.
 */
export function toEventDocument(event: AnalyticsEvent): EventDocument {
  const document: EventDocument = {};
  for (const field of EVENT_FIELDS) {
    const value = event[field.name];
    if (value !== null && value !== undefined) document[documentField(field.name)] = value;
  }
  return document;
}

/** A stored document back as the event it was (instants as ISO strings in UTC, absent fields null). */
export function fromEventDocument(document: Record<string, unknown>): AnalyticsEvent {
  const event: Record<string, unknown> = {};
  for (const field of EVENT_FIELDS) {
    const value = document[documentField(field.name)];
    event[field.name] =
      value === undefined || value === null
        ? null
        : field.type === 'date'
          ? new Date(value as string).toISOString()
          : value;
  }
  return event as AnalyticsEvent;
}
