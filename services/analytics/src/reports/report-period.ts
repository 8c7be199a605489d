import type { ReportQuery } from '@showroom/contracts';
import { zonedMidnight } from '../settings/zoned-midnight';

/** A report's period: calendar days as the dealer picked them, and the instants the engine filters by. */
export interface ReportPeriod {
  /** First day, YYYY-MM-DD, inclusive. */
  fromDay: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  toDay: string;
  /** Midnight starting `fromDay` in the time zone. */
  from: Date;
  /** Midnight after `toDay` in the time zone (exclusive). */
  to: Date;
}

export interface ReportPeriods {
  current: ReportPeriod;
  /** The same number of days just before `current`; null when not compared. */
  previous: ReportPeriod | null;
}

const DAY_MS = 86_400_000;

/** A calendar day `days` after `day` (negative: before); pure date arithmetic, no time zone involved. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many calendar days from `fromDay` to `toDay`, both counted. */
export const daysIn = (fromDay: string, toDay: string): number =>
  Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS) + 1;

/**
 * The dealer's days as instants in their time zone: from the first day's midnight to the midnight
 * after the last (a day a clock changes on is 23 or 25 hours long, as the dealer lived it).
 */
export function periodOf(fromDay: string, toDay: string, timeZone: string): ReportPeriod {
  return {
    fromDay,
    toDay,
    from: zonedMidnight(fromDay, timeZone),
    to: zonedMidnight(addDays(toDay, 1), timeZone),
  };
}

/** The query's period and, with `compare=previous`, as many days ending the day before it begins. */
export function periodsOf(
  query: Pick<ReportQuery, 'from' | 'to' | 'compare'>,
  timeZone: string,
): ReportPeriods {
  const current = periodOf(query.from, query.to, timeZone);
  if (query.compare !== 'previous') return { current, previous: null };
  const length = daysIn(query.from, query.to);
  const previousTo = addDays(query.from, -1);
  return { current, previous: periodOf(addDays(previousTo, -(length - 1)), previousTo, timeZone) };
}
