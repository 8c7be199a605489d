import {
  AnalyticsEventSchema,
  EMPTY_EVENT_FIELDS,
  type AnalyticsEvent,
  type AnalyticsEventType,
} from '@showroom/contracts';
import type { EventFilter } from '../port';

/**
 * What the engine contract's tests are made of: the dealerships, the period, valid events and one
 * hand-described history (leadFlow) whose figures the tests work out in their comments.
 */

/** The dealership the tests report on, one in the same group, and one the filter names but that has no events. */
export const ROOFTOP = 'a1000000-0000-4000-8000-000000000001';
export const NEIGHBOUR = 'a1000000-0000-4000-8000-000000000002';
export const QUIET_ROOFTOP = 'a1000000-0000-4000-8000-000000000003';

/**
 * The period: 2 to 4 March 2026 in Chicago (UTC−6 then; daylight saving starts on 8 March), so
 * local midnight is 06:00 UTC.
 */
export const TIME_ZONE = 'America/Chicago';
export const FROM = new Date('2026-03-02T06:00:00Z');
export const TO = new Date('2026-03-05T06:00:00Z');

export function period(overrides: Partial<EventFilter> = {}): EventFilter {
  return {
    dealershipIds: [ROOFTOP],
    from: FROM,
    to: TO,
    timeZone: TIME_ZONE,
    salespersonId: null,
    ...overrides,
  };
}

/** Ids that read as what they are in a failure message: lead 1 is …0001. */
export const uuid = (kind: 'lead' | 'vehicle', n: number) =>
  `${kind === 'lead' ? 'b' : 'c'}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let sequence = 0;

/** A lead id no fixture uses, different on each call (it follows the event sequence). */
export function freshLeadId(): string {
  return uuid('lead', sequence + 1000);
}

/** A valid event (checked against the contract, so fixtures can never be shapes producers cannot send). */
export function event(
  type: AnalyticsEventType,
  occurredAt: string,
  fields: Partial<AnalyticsEvent> = {},
): AnalyticsEvent {
  sequence += 1;
  return AnalyticsEventSchema.parse({
    ...EMPTY_EVENT_FIELDS,
    id: `contract:${sequence}`,
    dealershipId: ROOFTOP,
    type,
    occurredAt,
    ...fields,
  });
}

export const AVERY = { salespersonId: 'sp-avery', salespersonName: 'Avery Stone' };
export const BLAKE = { salespersonId: 'sp-blake', salespersonName: 'Blake Reed' };

/**
 * A few days of one dealership's leads (times UTC; Chicago is 6 hours behind):
 * - lead 1, cars.com, 2 Mar: Avery answers in 60 s, sets an appointment, sells it on 3 Mar.
 * - lead 2, cars.com, 2 Mar: Blake answers in 600 s, loses it.
 * - lead 3, facebook, 3 Mar: Avery answers in 120 s, contacts, sets an appointment; handed to Blake that
 *   evening and back to Avery on 4 Mar (Avery's one lead, counted once, on 3 Mar).
 * - lead 4, no source, 4 Mar: Blake answers in 300 s, hands it to Avery, who sells it (her name is
 *   "Avery Stone-Ruiz" on that last event).
 * - lead 0, cars.com, arrived and assigned to Avery in February: sold by her on 3 Mar.
 * - vehicle views: cars.com 1 + 1, facebook 2.5 (a sampled visit), direct 1.
 * - the neighbouring rooftop: lead 9, cars.com, 3 Mar, assigned to Avery, answered in 45 s, sold.
 */
export function leadFlow(): AnalyticsEvent[] {
  const lead = (n: number) => ({ leadId: uuid('lead', n) });
  const carsCom = { source: 'cars.com', channel: 'adf' };
  const facebook = { source: 'facebook', channel: 'website' };
  return [
    event('lead_created', '2026-03-02T16:00:00Z', { ...lead(1), ...carsCom }),
    event('lead_assigned', '2026-03-02T16:05:00Z', { ...lead(1), ...carsCom, ...AVERY }),
    event('lead_first_response', '2026-03-02T16:06:00Z', {
      ...lead(1),
      ...carsCom,
      ...AVERY,
      responseSeconds: 60,
    }),
    event('lead_status_changed', '2026-03-02T18:00:00Z', {
      ...lead(1),
      ...carsCom,
      ...AVERY,
      status: 'appointment_set',
    }),
    event('lead_sold', '2026-03-03T20:00:00Z', { ...lead(1), ...carsCom, ...AVERY, status: 'sold' }),

    event('lead_created', '2026-03-02T17:00:00Z', { ...lead(2), ...carsCom }),
    event('lead_assigned', '2026-03-02T17:01:00Z', { ...lead(2), ...carsCom, ...BLAKE }),
    event('lead_first_response', '2026-03-02T17:11:00Z', {
      ...lead(2),
      ...carsCom,
      ...BLAKE,
      responseSeconds: 600,
    }),
    event('lead_lost', '2026-03-04T15:00:00Z', {
      ...lead(2),
      ...carsCom,
      ...BLAKE,
      status: 'lost',
      lostReason: 'bought_elsewhere',
    }),

    event('lead_created', '2026-03-03T15:00:00Z', { ...lead(3), ...facebook }),
    event('lead_assigned', '2026-03-03T15:02:00Z', { ...lead(3), ...facebook, ...AVERY }),
    event('lead_first_response', '2026-03-03T15:04:00Z', {
      ...lead(3),
      ...facebook,
      ...AVERY,
      responseSeconds: 120,
    }),
    event('lead_status_changed', '2026-03-03T16:00:00Z', {
      ...lead(3),
      ...facebook,
      ...AVERY,
      status: 'contacted',
    }),
    event('lead_status_changed', '2026-03-03T18:00:00Z', {
      ...lead(3),
      ...facebook,
      ...AVERY,
      status: 'appointment_set',
    }),
    event('lead_assigned', '2026-03-03T23:00:00Z', { ...lead(3), ...facebook, ...BLAKE }),
    event('lead_assigned', '2026-03-04T16:00:00Z', { ...lead(3), ...facebook, ...AVERY }),

    event('lead_created', '2026-03-04T14:00:00Z', { ...lead(4), channel: 'manual' }),
    event('lead_assigned', '2026-03-04T14:10:00Z', { ...lead(4), channel: 'manual', ...BLAKE }),
    event('lead_first_response', '2026-03-04T14:15:00Z', {
      ...lead(4),
      channel: 'manual',
      ...BLAKE,
      responseSeconds: 300,
    }),
    event('lead_assigned', '2026-03-04T15:00:00Z', { ...lead(4), channel: 'manual', ...AVERY }),
    event('lead_sold', '2026-03-04T22:00:00Z', {
      ...lead(4),
      channel: 'manual',
      salespersonId: AVERY.salespersonId,
      salespersonName: 'Avery Stone-Ruiz',
      status: 'sold',
    }),

    event('lead_created', '2026-02-27T15:00:00Z', { ...lead(0), ...carsCom }),
    event('lead_assigned', '2026-02-27T15:10:00Z', { ...lead(0), ...carsCom, ...AVERY }),
    event('lead_sold', '2026-03-03T16:00:00Z', { ...lead(0), ...carsCom, ...AVERY, status: 'sold' }),

    event('vehicle_view', '2026-03-02T20:00:00Z', {
      vehicleId: uuid('vehicle', 1),
      source: 'cars.com',
      sessionId: 'visit-aaaaaaaaaaaaaaaa',
    }),
    event('vehicle_view', '2026-03-03T20:00:00Z', {
      vehicleId: uuid('vehicle', 2),
      source: 'cars.com',
      sessionId: 'visit-bbbbbbbbbbbbbbbb',
    }),
    event('vehicle_view', '2026-03-03T21:00:00Z', {
      vehicleId: uuid('vehicle', 1),
      source: 'facebook',
      sessionId: 'visit-cccccccccccccccc',
      weight: 2.5,
    }),
    event('vehicle_view', '2026-03-04T20:00:00Z', {
      vehicleId: uuid('vehicle', 3),
      source: 'direct',
      sessionId: 'visit-dddddddddddddddd',
    }),

    event('lead_created', '2026-03-03T15:00:00Z', { ...lead(9), ...carsCom, dealershipId: NEIGHBOUR }),
    event('lead_assigned', '2026-03-03T15:01:00Z', {
      ...lead(9),
      ...carsCom,
      ...AVERY,
      dealershipId: NEIGHBOUR,
    }),
    event('lead_first_response', '2026-03-03T15:01:45Z', {
      ...lead(9),
      ...carsCom,
      ...AVERY,
      dealershipId: NEIGHBOUR,
      responseSeconds: 45,
    }),
    event('lead_sold', '2026-03-03T19:00:00Z', {
      ...lead(9),
      ...carsCom,
      ...AVERY,
      status: 'sold',
      dealershipId: NEIGHBOUR,
    }),
  ];
}

/**
 * Numbers rounded to 9 decimals, deep: percentiles and weighted sums are doubles, and two engines
 * (or two summation orders) may differ in the last bit without either being wrong.
 */
export function approx<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1e9) / 1e9) as T;
  if (Array.isArray(value)) return value.map(approx) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, approx(v)])) as T;
  }
  return value;
}

/** A lead arriving at an instant, for the tests about days and periods. */
export function arrival(
  occurredAt: string,
  source: string | null = 'cars.com',
  dealershipId = ROOFTOP,
): AnalyticsEvent {
  return event('lead_created', occurredAt, { source, dealershipId, leadId: freshLeadId() });
}
