import { EVENT_FIELDS, type EventFieldType } from '../fields';

/** The events table; its columns are fields.ts's, in that order (the appender relies on the order). */
export const EVENTS_TABLE = 'events';
/** Each append lands here first, so the real table can skip ids it already has (INSERT OR IGNORE). */
export const STAGING_TABLE = 'events_staging';

const SQL_TYPES: Record<EventFieldType, string> = {
  keyword: 'VARCHAR',
  // An instant, compared and bucketed in any time zone through ICU.
  date: 'TIMESTAMP WITH TIME ZONE',
  long: 'BIGINT',
  integer: 'INTEGER',
  double: 'DOUBLE',
};

/** The DuckDB type of a field's logical type. */
export function duckDbType(type: EventFieldType): string {
  return SQL_TYPES[type];
}

function columnList(): string {
  return EVENT_FIELDS.map((f) => `  ${f.column} ${duckDbType(f.type)}${f.nullable ? '' : ' NOT NULL'}`).join(
    ',\n',
  );
}

/**
 * The events table. The primary key is what makes a redelivered event harmless: the producers'
 * outbox ids (and a shopper event's uuid) are stable, so storing one twice keeps the first.
 */
export function createEventsTableSql(): string {
  return `CREATE TABLE IF NOT EXISTS ${EVENTS_TABLE} (\n${columnList()},\n  PRIMARY KEY (id)\n)`;
}

/** A temporary table of the same columns without the key: a batch may repeat an id and still be appended. */
export function createStagingTableSql(): string {
  return `CREATE TEMP TABLE IF NOT EXISTS ${STAGING_TABLE} (\n${columnList()}\n)`;
}
