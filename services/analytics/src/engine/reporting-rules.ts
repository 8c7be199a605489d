/**
 * Values both engines give the same meaning when they answer the port (port.ts). Kept beside the
 * port rather than in each engine so the DuckDB SQL and the Elasticsearch aggregations cannot drift.
 */

/** What an event without a `source` is reported under (a terms aggregation's `missing`, SQL's coalesce). */
export const UNKNOWN_SOURCE = 'unknown';

/** The lead status whose `lead_status_changed` events count as appointments in the funnel. */
export const APPOINTMENT_STATUS = 'appointment_set';
