import type { OpeningHours, OpeningPeriod, Weekday } from '@showroom/contracts';

/** Day names in week order (Monday first); a Record so the contract's Weekday stays exhaustive. */
export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
export const WEEK = Object.keys(DAY_NAMES) as Weekday[];

/** "09:00" → "9:00 AM", "17:30" → "5:30 PM". */
export function formatClock(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const suffix = hours < 12 ? 'AM' : 'PM';
  return `${hours % 12 === 0 ? 12 : hours % 12}:${String(minutes).padStart(2, '0')} ${suffix}`;
}

export function periodsOn(hours: OpeningHours, day: Weekday): OpeningPeriod[] {
  return hours.filter((period) => period.day === day).sort((a, b) => a.opens.localeCompare(b.opens));
}

/** "9:00 AM – 7:00 PM", two periods joined by a comma, or "Closed". */
export function dayHoursText(hours: OpeningHours, day: Weekday): string {
  const periods = periodsOn(hours, day);
  if (periods.length === 0) return 'Closed';
  return periods.map((period) => `${formatClock(period.opens)} – ${formatClock(period.closes)}`).join(', ');
}

export interface DealershipClock {
  day: Weekday;
  /** "HH:MM", 24-hour, comparable with the periods' times. */
  time: string;
}

const SHORT_DAYS: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** The weekday and time at the dealership (its time zone), not the shopper's or the server's. */
export function clockAt(timeZone: string, now: Date): DealershipClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: SHORT_DAYS[part('weekday')] ?? 'mon', time: `${part('hour')}:${part('minute')}` };
}

export type OpenState =
  | { open: true; closes: string }
  | { open: false; next: { day: Weekday; opens: string; today: boolean; tomorrow: boolean } | null };

/** Whether the showroom is open at the dealership's clock, and when it closes or next opens. */
export function openState(hours: OpeningHours, clock: DealershipClock): OpenState {
  const current = periodsOn(hours, clock.day).find((p) => p.opens <= clock.time && clock.time < p.closes);
  if (current) return { open: true, closes: current.closes };
  const start = WEEK.indexOf(clock.day);
  for (let offset = 0; offset < 8; offset++) {
    const day = WEEK[(start + offset) % 7] as Weekday;
    const period = periodsOn(hours, day).find((p) => offset > 0 || p.opens > clock.time);
    if (period)
      return { open: false, next: { day, opens: period.opens, today: offset === 0, tomorrow: offset === 1 } };
  }
  return { open: false, next: null };
}

/** "Open now · until 7:00 PM", "Closed · opens tomorrow at 9:00 AM", or "" with no hours at all. */
export function openStateText(state: OpenState): string {
  if (state.open) return `Open now · until ${formatClock(state.closes)}`;
  if (!state.next) return '';
  return `Closed · opens ${whenText(state.next)}`;
}

/** "at 9:00 AM" today, "tomorrow at 9:00 AM", "Monday at 9:00 AM". */
export function whenText(next: { day: Weekday; opens: string; today: boolean; tomorrow: boolean }): string {
  const at = `at ${formatClock(next.opens)}`;
  if (next.today) return `today ${at}`;
  if (next.tomorrow) return `tomorrow ${at}`;
  return `${DAY_NAMES[next.day]} ${at}`;
}
