/**
 * What an engine throws when it is handed something it cannot store or answer: an event whose field
 * does not have its declared type, a period that is not a pair of instants, an unknown time zone.
 * Callers validate with the contracts first, so this is the last line, not the usual path; it names
 * the field so a producer's bug can be found from the log line alone.
 */
export class AnalyticsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalyticsInputError';
  }
}

/** Asked of an engine after close(). */
export class AnalyticsEngineClosedError extends Error {
  constructor() {
    super('the analytics engine is closed');
    this.name = 'AnalyticsEngineClosedError';
  }
}
