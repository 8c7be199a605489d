/**
 * The dashboard's periods as the reports take them: calendar days (`YYYY-MM-DD`, inclusive) in the
 * dealership's time zone, never the browser's — a manager in another zone still sees the
 * dealership's "today". Day strings are added and compared as UTC midnights, so no daylight-saving
 * change can shift a day.
 */

export interface DayRange {
  from: string;
  to: string;
}

export const RANGE_PRESETS = ['last-7', 'last-30', 'last-90', 'this-month', 'last-month', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_PRESET_LABELS: Record<RangePreset, string> = {
  'last-7': 'Last 7 days',
  'last-30': 'Last 30 days',
  'last-90': 'Last 90 days',
  'this-month': 'This month',
  'last-month': 'Last month',
  custom: 'Custom range',
};

const DAY_MS = 86_400_000;

/** The calendar day it is now in `timeZone` (an IANA name such as America/Chicago). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD; formatToParts keeps it independent of that detail.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days in the range, both ends counted. */
export function daysIn(range: DayRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS) + 1;
}

/** Every day of the range in order, so a chart shows the days without leads as zero. */
export function everyDay(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The period a preset names, ending today (the last-N-days presets count today as one of the N). */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DayRange {
  switch (preset) {
    case 'last-7':
      return { from: addDays(today, -6), to: today };
    case 'last-30':
      return { from: addDays(today, -29), to: today };
    case 'last-90':
      return { from: addDays(today, -89), to: today };
    case 'this-month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'last-month': {
      const lastDay = addDays(`${today.slice(0, 7)}-01`, -1);
      return { from: `${lastDay.slice(0, 7)}-01`, to: lastDay };
    }
  }
}

/** The period of the same length just before (what the service compares with). */
export function previousRange(range: DayRange): DayRange {
  const length = daysIn(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** A date picker's Date (a local calendar date) as a day string. */
export function dayOfDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** A day string as the local Date a date picker shows for it. */
export function dateOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Nov 7 – Dec 6, 2026"; the year once when both ends share it. */
export function rangeLabel(range: DayRange): string {
  const from = new Date(`${range.from}T00:00:00Z`);
  const to = new Date(`${range.to}T00:00:00Z`);
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  if (range.from === range.to) return dayYearFormat.format(to);
  return `${(sameYear ? dayFormat : dayYearFormat).format(from)} – ${dayYearFormat.format(to)}`;
}

/** "Dec 6": a chart's day axis. */
export function shortDayLabel(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}
