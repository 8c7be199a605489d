import type { AnalyticsEvent } from '@showroom/contracts';
import {
  EXPORT_PAGE_SIZE,
  keysetPages,
  type WarehouseExporter,
  type WarehouseRow,
  type WarehouseValue,
} from '@showroom/server-warehouse';
import type { AnalyticsEngine } from '../engine/port';
import { EVENTS_TABLE, WAREHOUSE_EVENT_FIELDS } from './events-table';

/** What the export needs of an engine: the day's events, a page at a time. */
export type EventArchive = Pick<AnalyticsEngine, 'eventsBetween'>;

/**
 * The day's events from the analytics engine (DuckDB or Elasticsearch, whichever the configuration
 * names: never another service's store), paged by event id as the engine's `eventsBetween` orders them.
 */
export function eventsExporter(engine: EventArchive, pageSize = EXPORT_PAGE_SIZE): WarehouseExporter {
  return {
    table: EVENTS_TABLE,
    async *rowsOf(day) {
      const pages = keysetPages<AnalyticsEvent, string>(
        (afterId) => engine.eventsBetween(day.from, day.to, afterId, pageSize),
        (last) => last.id,
        pageSize,
      );
      for await (const page of pages) yield page.map(eventRow);
    },
  };
}

/** An event as a warehouse row: its columns by fields.ts, instants as Dates. */
export function eventRow(event: AnalyticsEvent): WarehouseRow {
  const row: Record<string, WarehouseValue> = {};
  for (const field of WAREHOUSE_EVENT_FIELDS) {
    const value = event[field.name];
    row[field.column] = value === null ? null : field.type === 'date' ? new Date(value as string) : value;
  }
  return row;
}
