import { DuckDBTimestampTZValue, type DuckDBAppender } from '@duckdb/node-api';
import type { AnalyticsEvent } from '@showroom/contracts';
import { checkEvents } from '../event-checks';
import { EVENT_FIELDS, type EventField } from '../fields';

/** One value, already converted to what the appender takes. */
type RowValue =
  | { kind: 'null' }
  | { kind: 'varchar'; value: string }
  | { kind: 'timestamptz'; value: DuckDBTimestampTZValue }
  | { kind: 'bigint'; value: bigint }
  | { kind: 'integer'; value: number }
  | { kind: 'double'; value: number };

/** One event's values in column order. */
export type EventRow = readonly RowValue[];

/**
 * One batch in column order, converted to what the appender takes. Checked in full first
 * (checkEvents), so a bad event is refused before anything of the batch is appended: the appender
 * cannot take a half-written row back.
 */
export function eventRows(events: readonly AnalyticsEvent[]): EventRow[] {
  checkEvents(events);
  return events.map((event) => EVENT_FIELDS.map((field) => rowValue(field, event[field.name])));
}

function rowValue(field: EventField, value: unknown): RowValue {
  if (value === null || value === undefined) return { kind: 'null' };
  switch (field.type) {
    case 'keyword':
      return { kind: 'varchar', value: value as string };
    case 'date':
      // Microseconds since the epoch: DuckDB's TIMESTAMPTZ (the binding refuses a JS Date).
      return {
        kind: 'timestamptz',
        value: new DuckDBTimestampTZValue(BigInt(Date.parse(value as string)) * 1000n),
      };
    case 'long':
      return { kind: 'bigint', value: BigInt(value as number) };
    case 'integer':
      return { kind: 'integer', value: value as number };
    case 'double':
      return { kind: 'double', value: value as number };
  }
}

export function appendRows(appender: DuckDBAppender, rows: readonly EventRow[]): void {
  for (const row of rows) {
    for (const cell of row) {
      switch (cell.kind) {
        case 'null':
          appender.appendNull();
          break;
        case 'varchar':
          appender.appendVarchar(cell.value);
          break;
        case 'timestamptz':
          appender.appendTimestampTZ(cell.value);
          break;
        case 'bigint':
          appender.appendBigInt(cell.value);
          break;
        case 'integer':
          appender.appendInteger(cell.value);
          break;
        case 'double':
          appender.appendDouble(cell.value);
          break;
      }
    }
    appender.endRow();
  }
}

/** A stored row (as getRowObjectsJS gives it) back as the event that was appended, instants in UTC ISO form. */
export function storedEvent(row: Record<string, unknown>): AnalyticsEvent {
  const event: Record<string, unknown> = {};
  for (const field of EVENT_FIELDS) {
    const value = row[field.column];
    if (value === null || value === undefined) event[field.name] = null;
    else if (field.type === 'date') event[field.name] = (value as Date).toISOString();
    else if (typeof value === 'bigint') event[field.name] = Number(value);
    else event[field.name] = value;
  }
  return event as AnalyticsEvent;
}
