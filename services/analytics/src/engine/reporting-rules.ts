/**
 * Values and orderings both engines give the same meaning when they answer the port (port.ts).
 * Kept beside the port rather than in each engine so the DuckDB SQL and the Elasticsearch
 * aggregations cannot drift.
 */

/** What an event without a `source` is reported under (a terms aggregation's `missing`, SQL's coalesce). */
export const UNKNOWN_SOURCE = 'unknown';

/** The lead status whose `lead_status_changed` events count as appointments in the funnel. */
export const APPOINTMENT_STATUS = 'appointment_set';

/**
 * Text ordered as both engines order it: DuckDB compares VARCHAR by its UTF-8 bytes, as
 * Elasticsearch orders keywords; JavaScript's `<` (UTF-16 code units) and localeCompare do not
 * always agree with them, so rows an engine sorts itself use this.
 */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** ORDER BY figure DESC, name: the port's rule for lists (ties never reorder between engines). */
export function byFigureThenName<T>(
  figure: (row: T) => number,
  name: (row: T) => string,
): (a: T, b: T) => number {
  return (a, b) => figure(b) - figure(a) || compareBytes(name(a), name(b));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone, as the reports' days are. */
export function dayIn(timeZone: string, at: Date | number): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}
