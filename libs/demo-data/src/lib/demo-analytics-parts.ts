import { createHash } from 'node:crypto';
import { EMPTY_EVENT_FIELDS, type AnalyticsEvent } from '@showroom/contracts';
import type { DemoDealership } from './demo-tenants';
import { seededRandom, seedFromText } from './demo-vehicles';

/**
 * Small pieces the demo analytics history is built from: stable ids, a seeded dice, and one event
 * with every field it does not set left null. Kept apart so the lot, the leads and the shoppers
 * read as stories rather than as plumbing.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * A UUID derived from text (sha-256, version 8 "custom" bits), so a demo lead or vehicle has the
 * same id on every machine and every re-seed, and never collides with a random v4 id.
 */
export function demoUuid(text: string): string {
  const hex = createHash('sha256').update(`showroom-demo:${text}`).digest('hex');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A seeded source of choices: every draw is a mulberry32 step, so the same seed tells the same story. */
export class Dice {
  constructor(private readonly next: () => number) {}

  /** [0, 1). */
  roll(): number {
    return this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** One key of `weights`, drawn in proportion to its weight (insertion order, so it is stable). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let draw = this.next() * total;
    for (const [key, weight] of entries) {
      draw -= weight;
      if (draw < 0) return key;
    }
    return (entries[entries.length - 1] as [K, number])[0];
  }

  /** A log-normal draw around `median` (spread ≈ the factor one standard deviation moves it). */
  around(median: number, spread: number): number {
    // Box–Muller from two draws; 1 - roll keeps log() away from 0.
    const normal = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return median * Math.pow(spread, normal);
  }
}

export type DemoEventFields = Partial<Omit<AnalyticsEvent, 'id' | 'dealershipId' | 'type' | 'occurredAt'>>;

/** One event of a demo dealership, every field it does not name null. */
export function demoEvent(
  dealership: DemoDealership,
  id: string,
  type: AnalyticsEvent['type'],
  at: Date,
  fields: DemoEventFields = {},
): AnalyticsEvent {
  return {
    id: `demo:${dealership.slug}:${id}`,
    dealershipId: dealership.id,
    type,
    occurredAt: at.toISOString(),
    ...EMPTY_EVENT_FIELDS,
    ...fields,
  };
}

/** Eastern standard time's offset, near enough for the demo rooftops' days (see localHourOf). */
const LOCAL_OFFSET_HOURS = -5;

/**
 * The hour of the day at `dealership` for a UTC instant, near enough for shaping a story (opening
 * hours, shoppers' evenings): the demo rooftops are all on US Eastern time, give or take DST.
 */
export function localHourOf(at: Date): number {
  return (at.getUTCHours() + 24 + LOCAL_OFFSET_HOURS) % 24;
}

/**
 * The calendar days (YYYY-MM-DD, the rooftops' own, as localHourOf reckons them) of the `count`
 * days ending with `now`'s, oldest first. The history is anchored to these days, not to `now`:
 * a day's shoppers and leads are the same whenever the history is generated, so seeding a day
 * later adds that day and stores the others once.
 */
export function demoDays(now: Date, count: number): string[] {
  const today = new Date(now.getTime() + LOCAL_OFFSET_HOURS * HOUR_MS);
  return Array.from({ length: count }, (_, i) =>
    new Date(today.getTime() - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The instant of local hour `hour` (fractional) on `day`. */
export function atHourOf(day: string, hour: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + (hour - LOCAL_OFFSET_HOURS) * HOUR_MS);
}

/** 0 (Sunday) to 6 (Saturday). */
export const weekdayOf = (day: string): number => new Date(`${day}T12:00:00Z`).getUTCDay();

/** Dice of their own for one story (a day's leads, a day's visits, a car), so other stories cannot shift its draws. */
export const diceFor = (story: string): Dice => new Dice(seededRandom(seedFromText(story)));
