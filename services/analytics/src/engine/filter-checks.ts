import { AnalyticsInputError } from './engine-errors';
import type { EventFilter } from './port';

/** An instant an engine can send to its store, or an AnalyticsInputError naming what was wrong. */
export function checkedInstant(value: Date, what: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new AnalyticsInputError(`${what} is not a valid instant`);
  }
  return value;
}

/** A time zone the platform knows (IANA name), or an AnalyticsInputError. */
export function checkedTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new AnalyticsInputError(`time zone ${JSON.stringify(timeZone)} is not an IANA time zone`);
  }
  return timeZone;
}

/** The filter, checked once at the port, so no engine has to guess what an Invalid Date means. */
export function checkedFilter(filter: EventFilter): EventFilter {
  checkedInstant(filter.from, 'from');
  checkedInstant(filter.to, 'to');
  checkedTimeZone(filter.timeZone);
  if (!Array.isArray(filter.dealershipIds) || filter.dealershipIds.some((id) => typeof id !== 'string')) {
    throw new AnalyticsInputError('dealershipIds must be a list of ids');
  }
  return filter;
}

/** A non-negative whole number (a row limit, a target), or an AnalyticsInputError. */
export function checkedCount(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AnalyticsInputError(`${what} must be a whole number of at least 0`);
  }
  return value;
}
