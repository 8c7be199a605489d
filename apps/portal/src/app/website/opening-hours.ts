import { type OpeningHours, WEEKDAYS, type Weekday } from '@showroom/contracts';

/** One opening period of a day as the editor shows it (HH:MM, 24-hour clock). */
export interface Period {
  opens: string;
  closes: string;
}

/**
 * A day as the dealer edits it. A closed day keeps the periods it had, so switching it open again
 * brings them back; only open days reach the contract's shape.
 */
export interface DayHours {
  day: Weekday;
  open: boolean;
  periods: Period[];
}

/** At most two periods a day (a lunch break), as the contract allows. */
export const MAX_PERIODS_PER_DAY = 2;

export const DAY_LABELS: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** What a day opens with when the dealer switches it open for the first time. */
export const DEFAULT_PERIOD: Period = { opens: '09:00', closes: '18:00' };

/** The week in order, Monday first, each day's periods by opening time. */
export function daysOf(hours: OpeningHours): DayHours[] {
  return WEEKDAYS.map((day) => {
    const periods = hours
      .filter((period) => period.day === day)
      .map(({ opens, closes }) => ({ opens, closes }))
      .sort((a, b) => a.opens.localeCompare(b.opens));
    return { day, open: periods.length > 0, periods: periods.length > 0 ? periods : [{ ...DEFAULT_PERIOD }] };
  });
}

/** The contract's shape: one entry per period of each open day, Monday first. */
export function hoursOf(days: readonly DayHours[]): OpeningHours {
  return days
    .filter((day) => day.open)
    .flatMap((day) =>
      [...day.periods]
        .sort((a, b) => a.opens.localeCompare(b.opens))
        .map((period) => ({ day: day.day, opens: period.opens, closes: period.closes })),
    );
}

/** The same hours written in the same order, so "changed?" is a string comparison. */
export function sameHours(a: OpeningHours, b: OpeningHours): boolean {
  const key = (hours: OpeningHours) => JSON.stringify(hoursOf(daysOf(hours)));
  return key(a) === key(b);
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Why an open day cannot be saved as it is (the contract's rules, said for the dealer), or null. */
export function dayProblem(day: DayHours): string | null {
  if (!day.open) return null;
  if (day.periods.some((period) => !CLOCK.test(period.opens) || !CLOCK.test(period.closes))) {
    return 'Enter both times as HH:MM';
  }
  if (day.periods.some((period) => period.opens >= period.closes)) return 'It must close after it opens';
  const [first, second] = [...day.periods].sort((a, b) => a.opens.localeCompare(b.opens));
  if (second && second.opens < first.closes) return 'The second period starts before the first one ends';
  return null;
}

/** Each day that has a problem, with it. */
export function weekProblems(days: readonly DayHours[]): Partial<Record<Weekday, string>> {
  const problems: Partial<Record<Weekday, string>> = {};
  for (const day of days) {
    const problem = dayProblem(day);
    if (problem) problems[day.day] = problem;
  }
  return problems;
}
