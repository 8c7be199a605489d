import { DuckDBTimestampTZValue, type DuckDBAppender } from '@duckdb/node-api';
import type { AnalyticsEvent } from '@showroom/contracts';
import { AnalyticsInputError } from '../engine-errors';
import { EVENT_FIELDS, type EventField } from '../fields';

/** One event's values in column order, already converted to what the appender takes. */
type RowValue =
  | { kind: 'null' }
  | { kind: 'varchar'; value: string }
  | { kind: 'timestamptz'; value: DuckDBTimestampTZValue }
  | { kind: 'bigint'; value: bigint }
  | { kind: 'integer'; value: number }
  | { kind: 'double'; value: number };

const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);

function refuse(index: number, field: EventField, why: string): never {
  throw new AnalyticsInputError(`event ${index}: ${field.name} ${why}`);
}

function rowValue(index: number, field: EventField, value: unknown): RowValue {
  if (value === null || value === undefined) {
    if (!field.nullable) refuse(index, field, 'is required');
    return { kind: 'null' };
  }
  switch (field.type) {
    case 'keyword':
      if (typeof value !== 'string') refuse(index, field, 'must be text');
      return { kind: 'varchar', value };
    case 'date': {
      const millis = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(millis)) refuse(index, field, 'must be an ISO 8601 instant');
      // Microseconds since the epoch: DuckDB's TIMESTAMPTZ (a JS Date is refused by the binding).
      return { kind: 'timestamptz', value: new DuckDBTimestampTZValue(BigInt(millis) * 1000n) };
    }
    case 'long':
      if (!Number.isSafeInteger(value)) refuse(index, field, 'must be a whole number');
      return { kind: 'bigint', value: BigInt(value as number) };
    case 'integer':
      if (!Number.isInteger(value) || (value as number) > INT32_MAX || (value as number) < INT32_MIN) {
        refuse(index, field, 'must be a whole number within 32 bits');
      }
      return { kind: 'integer', value: value as number };
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) refuse(index, field, 'must be a finite number');
      return { kind: 'double', value };
  }
}

/**
 * Converts a batch up front, so a bad event is refused before anything of the batch is appended
 * (the appender cannot take a half-written row back).
 */
export function eventRows(events: readonly AnalyticsEvent[]): RowValue[][] {
  return events.map((event, index) => {
    if (typeof event !== 'object' || event === null) {
      throw new AnalyticsInputError(`event ${index} is not an object`);
    }
    return EVENT_FIELDS.map((field) => rowValue(index, field, (event as Record<string, unknown>)[field.name]));
  });
}

export function appendRows(appender: DuckDBAppender, rows: readonly RowValue[][]): void {
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
