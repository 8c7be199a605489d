import {
  AnalyticsEventSchema,
  EMPTY_EVENT_FIELDS,
  type AnalyticsEvent,
  type AnalyticsEventType,
} from '@showroom/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalyticsInputError } from './engine-errors';
import type { AnalyticsEngine, EventFilter } from './port';

/**
 * The contract every analytics engine keeps (port.ts says what each method means). Each test
 * stores a handful of hand-made events and compares the engine's answer with figures worked out by
 * hand in the comments beside them, so an engine that drifts from the others fails here first.
 *
 * Run it for an engine with `describeEngineContract('duckdb', () => new DuckDbEngine(...))`; each
 * test gets a fresh engine (ready() awaited) and closes it afterwards.
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
const FROM = new Date('2026-03-02T06:00:00Z');
const TO = new Date('2026-03-05T06:00:00Z');

function period(overrides: Partial<EventFilter> = {}): EventFilter {
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
const uuid = (kind: 'lead' | 'vehicle', n: number) =>
  `${kind === 'lead' ? 'b' : 'c'}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let sequence = 0;

/** A valid event (checked against the contract, so fixtures can never be shapes producers cannot send). */
function event(
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

const AVERY = { salespersonId: 'sp-avery', salespersonName: 'Avery Stone' };
const BLAKE = { salespersonId: 'sp-blake', salespersonName: 'Blake Reed' };

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
function leadFlow(): AnalyticsEvent[] {
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
function approx<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1e9) / 1e9) as T;
  if (Array.isArray(value)) return value.map(approx) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, approx(v)])) as T;
  }
  return value;
}

/** A lead arriving at an instant, for the tests about days and periods. */
function arrival(
  occurredAt: string,
  source: string | null = 'cars.com',
  dealershipId = ROOFTOP,
): AnalyticsEvent {
  return event('lead_created', occurredAt, { source, dealershipId, leadId: uuid('lead', sequence + 1000) });
}

export function describeEngineContract(
  name: string,
  makeEngine: () => AnalyticsEngine | Promise<AnalyticsEngine>,
): void {
  describe(`the ${name} analytics engine keeps the engine contract`, () => {
    let engine: AnalyticsEngine;

    beforeEach(async () => {
      engine = await makeEngine();
      await engine.ready();
    });

    afterEach(async () => {
      await engine.close();
    });

    describe('storing events', () => {
      it('when a producer redelivers a batch, then each event is still counted once', async () => {
        const batch = [arrival('2026-03-02T16:00:00Z'), arrival('2026-03-03T16:00:00Z', 'facebook')];

        await engine.append(batch);
        await engine.append(batch);

        expect(await engine.leadsBySourceAndDay(period())).toEqual([
          { day: '2026-03-02', source: 'cars.com', leads: 1 },
          { day: '2026-03-03', source: 'facebook', leads: 1 },
        ]);
      });

      it('when one id comes twice, in a batch and again later, then the first copy is the one kept', async () => {
        const first = arrival('2026-03-02T16:00:00Z', 'cars.com');

        await engine.append([first, { ...first, source: 'facebook' }]);
        await engine.append([{ ...first, source: 'google' }]);

        expect(await engine.leadSources(period())).toEqual(['cars.com']);
        expect(await engine.leadsBySourceAndDay(period())).toEqual([
          { day: '2026-03-02', source: 'cars.com', leads: 1 },
        ]);
      });

      it('when a batch is empty, then nothing changes', async () => {
        await engine.append([]);

        expect(await engine.leadsBySourceAndDay(period())).toEqual([]);
        expect(await engine.rooftopFigures(period())).toEqual([]);
      });

      it('when one event of a batch is malformed, then the whole batch is refused and the engine keeps answering', async () => {
        const good = arrival('2026-03-02T16:00:00Z');
        const badTime = { ...arrival('2026-03-02T17:00:00Z'), occurredAt: 'yesterday afternoon' };
        const badWeight = { ...arrival('2026-03-02T18:00:00Z'), weight: Number.NaN };
        const noId = { ...arrival('2026-03-02T19:00:00Z'), id: null } as unknown as AnalyticsEvent;

        await expect(engine.append([good, badTime])).rejects.toThrow(AnalyticsInputError);
        await expect(engine.append([good, badWeight])).rejects.toThrow(/weight/);
        await expect(engine.append([noId])).rejects.toThrow(/id is required/);
        expect(await engine.leadsBySourceAndDay(period())).toEqual([]);

        await engine.append([good]);
        expect(await engine.leadsBySourceAndDay(period())).toEqual([
          { day: '2026-03-02', source: 'cars.com', leads: 1 },
        ]);
      });

      it('when search text looks like a query language, then it is stored and reported as plain text', async () => {
        const terms = `o'reilly "tacoma"; DROP TABLE events; -- \\ % _ *`;
        await engine.append([
          event('search', '2026-03-02T16:00:00Z', {
            searchTerms: terms,
            resultCount: 0,
            sessionId: 'visit-eeeeeeeeeeeeeeee',
          }),
        ]);

        const [row] = await engine.noResultSearches(period(), 10);

        expect(row?.terms).toBe(terms);
        expect(await engine.searchTotals(period())).toEqual({ searches: 1, noResultSearches: 1 });
      });

      it('when batches are appended while reports are asked, then every event is kept and every answer is whole', async () => {
        const batches = Array.from({ length: 12 }, (_, b) =>
          Array.from({ length: 25 }, (_, i) =>
            arrival(`2026-03-03T${String(10 + (i % 10)).padStart(2, '0')}:00:00Z`, `source-${b % 3}`),
          ),
        );

        const work = await Promise.all(
          batches.flatMap((batch) => [engine.append(batch), engine.leadsAndSalesBySource(period())]),
        );

        for (const answer of work)
          if (answer) expect(answer.reduce((sum, row) => sum + row.leads, 0) % 25).toBe(0);
        expect(await engine.leadsAndSalesBySource(period())).toEqual([
          { source: 'source-0', leads: 100, sold: 0 },
          { source: 'source-1', leads: 100, sold: 0 },
          { source: 'source-2', leads: 100, sold: 0 },
        ]);
      });
    });

    describe('periods and days', () => {
      it('when leads arrive either side of local midnight, then they fall on the calendar days of the filter’s time zone', async () => {
        // 05:59:59 UTC is 23:59:59 on 2 March in Chicago; 06:00:00 UTC is midnight of 3 March.
        await engine.append([arrival('2026-03-03T05:59:59Z'), arrival('2026-03-03T06:00:00Z')]);

        expect(await engine.leadsBySourceAndDay(period())).toEqual([
          { day: '2026-03-02', source: 'cars.com', leads: 1 },
          { day: '2026-03-03', source: 'cars.com', leads: 1 },
        ]);
        expect(await engine.leadsBySourceAndDay(period({ timeZone: 'UTC' }))).toEqual([
          { day: '2026-03-03', source: 'cars.com', leads: 2 },
        ]);
      });

      it('when daylight saving time starts, then days follow the new offset', async () => {
        // Chicago moves to UTC−5 on 8 March: 05:30 UTC on 9 March is 00:30 local on the 9th (a fixed −6 would say the 8th).
        await engine.append([arrival('2026-03-08T05:30:00Z'), arrival('2026-03-09T05:30:00Z')]);

        const days = await engine.leadsBySourceAndDay(period({ to: new Date('2026-03-10T05:00:00Z') }));

        expect(days).toEqual([
          { day: '2026-03-07', source: 'cars.com', leads: 1 },
          { day: '2026-03-09', source: 'cars.com', leads: 1 },
        ]);
      });

      it('when events sit exactly on the period’s edges, then from counts and to does not', async () => {
        await engine.append([
          arrival('2026-03-02T05:59:59.999Z'),
          arrival(FROM.toISOString()),
          arrival('2026-03-05T05:59:59.999Z'),
          arrival(TO.toISOString()),
        ]);

        expect(await engine.leadsAndSalesBySource(period())).toEqual([
          { source: 'cars.com', leads: 2, sold: 0 },
        ]);
      });

      it('when the filter is not a pair of instants in a known time zone, then it is refused', async () => {
        await expect(engine.leadsBySourceAndDay(period({ from: new Date('not a date') }))).rejects.toThrow(
          AnalyticsInputError,
        );
        await expect(engine.funnelBySource(period({ timeZone: 'Mars/Olympus_Mons' }))).rejects.toThrow(
          AnalyticsInputError,
        );
        await expect(engine.inventoryAging([ROOFTOP], new Date(Number.NaN), [0])).rejects.toThrow(
          AnalyticsInputError,
        );
        await expect(engine.noResultSearches(period(), -1)).rejects.toThrow(AnalyticsInputError);
      });

      it('when the filter names no dealership, then every answer is empty', async () => {
        await engine.append(leadFlow());
        const none = period({ dealershipIds: [] });

        expect(await engine.leadsBySourceAndDay(none)).toEqual([]);
        expect(await engine.funnelBySource(none)).toEqual([]);
        expect(await engine.rooftopFigures(none)).toEqual([]);
        expect(await engine.searchTotals(none)).toEqual({ searches: 0, noResultSearches: 0 });
        expect(await engine.daysToSell(none)).toEqual({ sold: 0, medianDays: null, averageDays: null });
        expect(await engine.inventoryAging([], TO, [0, 31])).toEqual([0, 0]);
      });
    });

    describe('leads by source and day', () => {
      it('orders days ascending, then leads descending, then sources by name; a lead without a source is "unknown"', async () => {
        await engine.append([
          arrival('2026-03-02T15:00:00Z', 'facebook'),
          arrival('2026-03-02T16:00:00Z', 'cars.com'),
          arrival('2026-03-02T17:00:00Z', 'cars.com'),
          arrival('2026-03-02T18:00:00Z', 'autotrader'),
          arrival('2026-03-03T15:00:00Z', 'zillow'),
          arrival('2026-03-03T16:00:00Z', null),
        ]);

        expect(await engine.leadsBySourceAndDay(period())).toEqual([
          { day: '2026-03-02', source: 'cars.com', leads: 2 },
          { day: '2026-03-02', source: 'autotrader', leads: 1 },
          { day: '2026-03-02', source: 'facebook', leads: 1 },
          { day: '2026-03-03', source: 'unknown', leads: 1 },
          { day: '2026-03-03', source: 'zillow', leads: 1 },
        ]);
      });

      it('counts another dealership’s leads only when the filter names it', async () => {
        await engine.append([
          arrival('2026-03-02T16:00:00Z'),
          arrival('2026-03-02T17:00:00Z', 'cars.com', NEIGHBOUR),
          arrival('2026-03-02T18:00:00Z', 'cars.com', NEIGHBOUR),
        ]);

        expect(await engine.leadsBySourceAndDay(period())).toEqual([
          { day: '2026-03-02', source: 'cars.com', leads: 1 },
        ]);
        expect(await engine.leadsBySourceAndDay(period({ dealershipIds: [ROOFTOP, NEIGHBOUR] }))).toEqual([
          { day: '2026-03-02', source: 'cars.com', leads: 3 },
        ]);
      });

      it('counts a salesperson’s leads when they were assigned, each lead once, on its first assignment in the period', async () => {
        await engine.append(leadFlow());

        // Avery: lead 1 (2 Mar), lead 3 (3 Mar, again on 4 Mar), lead 4 (4 Mar, no source); lead 0 was hers in February.
        expect(await engine.leadsBySourceAndDay(period({ salespersonId: AVERY.salespersonId }))).toEqual([
          { day: '2026-03-02', source: 'cars.com', leads: 1 },
          { day: '2026-03-03', source: 'facebook', leads: 1 },
          { day: '2026-03-04', source: 'unknown', leads: 1 },
        ]);
        // Without a salesperson a lead counts when it arrives: leads 1 and 2 on 2 Mar, 3 on 3 Mar, 4 on 4 Mar.
        expect(await engine.leadsBySourceAndDay(period())).toEqual([
          { day: '2026-03-02', source: 'cars.com', leads: 2 },
          { day: '2026-03-03', source: 'facebook', leads: 1 },
          { day: '2026-03-04', source: 'unknown', leads: 1 },
        ]);
      });
    });

    describe('the funnel by source', () => {
      it('counts weighted views, leads, appointments set and sales per source, most leads first', async () => {
        // A lead from zillow that only reached "contacted" in the period: no step, so no row.
        const contactedOnly = event('lead_status_changed', '2026-03-03T12:00:00Z', {
          leadId: uuid('lead', 77),
          source: 'zillow',
          status: 'contacted',
          ...BLAKE,
        });
        await engine.append([...leadFlow(), contactedOnly]);

        // cars.com: views 1 + 1, leads 1 and 2, lead 1's appointment, sales of leads 1 and 0.
        // facebook: a view weighing 2.5, lead 3 and its appointment ("contacted" is not one).
        // unknown: lead 4 and its sale. direct: one view.
        expect(await engine.funnelBySource(period())).toEqual([
          { source: 'cars.com', vehicleViews: 2, leads: 2, appointments: 1, sold: 2 },
          { source: 'facebook', vehicleViews: 2.5, leads: 1, appointments: 1, sold: 0 },
          { source: 'unknown', vehicleViews: 0, leads: 1, appointments: 0, sold: 1 },
          { source: 'direct', vehicleViews: 1, leads: 0, appointments: 0, sold: 0 },
        ]);
      });

      it('narrowed to a salesperson, counts their leads, appointments and sales, and still every view', async () => {
        await engine.append(leadFlow());

        // Blake: leads 2 (cars.com), 3 (facebook, handed to him on 3 Mar) and 4 (unknown); no appointment, no sale.
        expect(await engine.funnelBySource(period({ salespersonId: BLAKE.salespersonId }))).toEqual([
          { source: 'cars.com', vehicleViews: 2, leads: 1, appointments: 0, sold: 0 },
          { source: 'facebook', vehicleViews: 2.5, leads: 1, appointments: 0, sold: 0 },
          { source: 'unknown', vehicleViews: 0, leads: 1, appointments: 0, sold: 0 },
          { source: 'direct', vehicleViews: 1, leads: 0, appointments: 0, sold: 0 },
        ]);
      });

      it('sums the weight of sampled views rather than counting them', async () => {
        // Three views from visits sampled at 30 % stand for ten.
        const sampled = 1 / 0.3;
        await engine.append(
          [1, 2, 3].map((n) =>
            event('vehicle_view', `2026-03-02T1${n}:00:00Z`, {
              vehicleId: uuid('vehicle', n),
              source: 'google',
              sessionId: `visit-${n}aaaaaaaaaaaaaaaa`,
              weight: sampled,
            }),
          ),
        );

        const [google] = await engine.funnelBySource(period());

        expect(google?.source).toBe('google');
        expect(google?.vehicleViews).toBeCloseTo(10, 9);
      });
    });

    describe('first response by salesperson', () => {
      it('gives each salesperson’s count, interpolated median and 90th percentile, and responses within the target (inclusive)', async () => {
        await engine.append(leadFlow());

        // Avery: 60 and 120 s → median 90, p90 = 60 + 0.9 × 60 = 114, both within 300.
        // Blake: 300 and 600 s → median 450, p90 = 300 + 0.9 × 300 = 570, one within 300 (300 itself).
        // Lead 9's 45 s was at the neighbouring rooftop.
        expect(approx(await engine.firstResponseBySalesperson(period(), 300))).toEqual([
          {
            salespersonId: 'sp-avery',
            salespersonName: 'Avery Stone',
            responses: 2,
            medianSeconds: 90,
            p90Seconds: 114,
            withinTarget: 2,
          },
          {
            salespersonId: 'sp-blake',
            salespersonName: 'Blake Reed',
            responses: 2,
            medianSeconds: 450,
            p90Seconds: 570,
            withinTarget: 1,
          },
        ]);
        expect(
          approx(await engine.firstResponseBySalesperson(period({ salespersonId: 'sp-blake' }), 300)),
        ).toEqual([
          {
            salespersonId: 'sp-blake',
            salespersonName: 'Blake Reed',
            responses: 2,
            medianSeconds: 450,
            p90Seconds: 570,
            withinTarget: 1,
          },
        ]);
      });

      it('orders by responses, then name; takes the name on the latest response; leaves out answers with no salesperson', async () => {
        const response = (at: string, seconds: number, person: Partial<AnalyticsEvent>) =>
          event('lead_first_response', at, {
            leadId: uuid('lead', sequence + 1),
            responseSeconds: seconds,
            ...person,
          });
        await engine.append([
          // Four answers: sorted 60, 120, 300, 900 → median (120 + 300) / 2 = 210; p90 at rank 2.7 → 300 + 0.7 × 600 = 720.
          response('2026-03-02T15:00:00Z', 300, { salespersonId: 'sp-casey', salespersonName: 'Casey Lane' }),
          response('2026-03-02T16:00:00Z', 60, { salespersonId: 'sp-casey', salespersonName: 'Casey Lane' }),
          response('2026-03-03T16:00:00Z', 900, { salespersonId: 'sp-casey', salespersonName: 'Casey Lane' }),
          response('2026-03-04T16:00:00Z', 120, {
            salespersonId: 'sp-casey',
            salespersonName: 'Casey Lane-Ortiz',
          }),
          response('2026-03-02T17:00:00Z', 30, { salespersonId: 'sp-zed', salespersonName: 'Dana Zed' }),
          response('2026-03-02T18:00:00Z', 40, { salespersonId: 'sp-abe', salespersonName: 'Eli Abe' }),
          response('2026-03-02T19:00:00Z', 50, { salespersonId: null, salespersonName: null }),
        ]);

        expect(approx(await engine.firstResponseBySalesperson(period(), 600))).toEqual([
          {
            salespersonId: 'sp-casey',
            salespersonName: 'Casey Lane-Ortiz',
            responses: 4,
            medianSeconds: 210,
            p90Seconds: 720,
            withinTarget: 3,
          },
          {
            salespersonId: 'sp-zed',
            salespersonName: 'Dana Zed',
            responses: 1,
            medianSeconds: 30,
            p90Seconds: 30,
            withinTarget: 1,
          },
          {
            salespersonId: 'sp-abe',
            salespersonName: 'Eli Abe',
            responses: 1,
            medianSeconds: 40,
            p90Seconds: 40,
            withinTarget: 1,
          },
        ]);
      });
    });

    describe('first response overall', () => {
      it('takes every answer of the period as one set, narrowed to a salesperson when asked', async () => {
        await engine.append(leadFlow());

        // 60, 120, 300, 600 → median 210; p90 at rank 2.7 → 300 + 0.7 × 300 = 510; three within 300.
        expect(approx(await engine.firstResponseOverall(period(), 300))).toEqual({
          responses: 4,
          medianSeconds: 210,
          p90Seconds: 510,
          withinTarget: 3,
        });
        expect(approx(await engine.firstResponseOverall(period({ salespersonId: 'sp-avery' }), 300))).toEqual(
          {
            responses: 2,
            medianSeconds: 90,
            p90Seconds: 114,
            withinTarget: 2,
          },
        );
      });

      it('counts an answer nobody is named on, and gives nulls when there is no answer', async () => {
        await engine.append([
          ...[300, 60, 900, 120, 30, 40].map((seconds, i) =>
            event('lead_first_response', `2026-03-02T1${i}:00:00Z`, {
              leadId: uuid('lead', 500 + i),
              responseSeconds: seconds,
              salespersonId: `sp-${i % 2}`,
              salespersonName: null,
            }),
          ),
          event('lead_first_response', '2026-03-03T10:00:00Z', {
            leadId: uuid('lead', 599),
            responseSeconds: 50,
          }),
        ]);

        // 30, 40, 50, 60, 120, 300, 900 → median 60; p90 at rank 5.4 → 300 + 0.4 × 600 = 540; six within 600.
        expect(approx(await engine.firstResponseOverall(period(), 600))).toEqual({
          responses: 7,
          medianSeconds: 60,
          p90Seconds: 540,
          withinTarget: 6,
        });
        expect(await engine.firstResponseOverall(period({ dealershipIds: [NEIGHBOUR] }), 600)).toEqual({
          responses: 0,
          medianSeconds: null,
          p90Seconds: null,
          withinTarget: 0,
        });
      });
    });

    describe('close rate inputs', () => {
      it('by source: leads as they arrived and sales in the period, whenever the lead came', async () => {
        await engine.append(leadFlow());

        // cars.com: leads 1 and 2; sold leads 1 and 0 (lead 0 arrived in February). unknown: lead 4, sold.
        expect(await engine.leadsAndSalesBySource(period())).toEqual([
          { source: 'cars.com', leads: 2, sold: 2 },
          { source: 'facebook', leads: 1, sold: 0 },
          { source: 'unknown', leads: 1, sold: 1 },
        ]);
        expect(await engine.leadsAndSalesBySource(period({ salespersonId: 'sp-avery' }))).toEqual([
          { source: 'cars.com', leads: 1, sold: 2 },
          { source: 'facebook', leads: 1, sold: 0 },
          { source: 'unknown', leads: 1, sold: 1 },
        ]);
      });

      it('by salesperson: distinct leads assigned and their sales, named as on their latest event', async () => {
        await engine.append(leadFlow());

        // Avery: leads 1, 3, 4 assigned; sold 1, 0 and 4 (the last as "Avery Stone-Ruiz"). Blake: leads 2, 3, 4; no sale.
        expect(await engine.leadsAndSalesBySalesperson(period())).toEqual([
          { salespersonId: 'sp-avery', salespersonName: 'Avery Stone-Ruiz', leads: 3, sold: 3 },
          { salespersonId: 'sp-blake', salespersonName: 'Blake Reed', leads: 3, sold: 0 },
        ]);
        expect(await engine.leadsAndSalesBySalesperson(period({ salespersonId: 'sp-blake' }))).toEqual([
          { salespersonId: 'sp-blake', salespersonName: 'Blake Reed', leads: 3, sold: 0 },
        ]);
      });
    });

    describe('inventory aging and days to sell', () => {
      const asOf = TO; // 5 March 2026, 06:00 UTC
      const buckets = [0, 31, 61, 91];
      const listed = (n: number, listedAt: string, dealershipId = ROOFTOP) =>
        event('vehicle_listed', listedAt, {
          vehicleId: uuid('vehicle', n),
          listedAt,
          dealershipId,
          priceCents: 2_500_000,
          make: 'Toyota',
          model: 'Tacoma',
          year: 2022,
          vehicleCondition: 'used',
        });
      const ended = (
        type: 'vehicle_sold' | 'vehicle_removed',
        n: number,
        at: string,
        listedAt: string,
        daysOnLot: number,
      ) => event(type, at, { vehicleId: uuid('vehicle', n), listedAt, daysOnLot });

      it('counts the lot at a moment by whole days since listing, leaving out what was sold, removed or not yet listed', async () => {
        await engine.append([
          listed(1, '2026-03-01T06:00:00Z'), // 4 days → 0–30
          listed(2, '2026-02-03T06:00:00Z'), // exactly 30 days → 0–30
          listed(3, '2026-02-02T06:00:00Z'), // 31 days → 31–60
          listed(4, '2026-02-02T06:00:01Z'), // one second short of 31 days → 0–30
          listed(5, '2025-11-20T06:00:00Z'), // 105 days → over 90, even after a price change
          event('vehicle_price_changed', '2026-02-15T12:00:00Z', {
            vehicleId: uuid('vehicle', 5),
            listedAt: '2025-11-20T06:00:00Z',
            priceCents: 2_300_000,
          }),
          listed(6, '2025-12-25T06:00:00Z'), // 70 days → 61–90; removed only after the moment
          ended('vehicle_removed', 6, '2026-03-06T12:00:00Z', '2025-12-25T06:00:00Z', 71),
          listed(7, '2026-02-20T06:00:00Z'), // sold before the moment
          ended('vehicle_sold', 7, '2026-03-03T12:00:00Z', '2026-02-20T06:00:00Z', 11),
          listed(8, '2026-02-20T06:00:00Z'), // sold at the very moment: gone by then
          ended('vehicle_sold', 8, asOf.toISOString(), '2026-02-20T06:00:00Z', 13),
          listed(9, '2026-03-05T07:00:00Z'), // listed after the moment
          listed(10, '2026-03-02T00:00:00Z'), // listed and removed in the same instant
          ended('vehicle_removed', 10, '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z', 0),
          listed(11, '2026-03-01T06:00:00Z', NEIGHBOUR), // another rooftop's
        ]);

        expect(await engine.inventoryAging([ROOFTOP], asOf, buckets)).toEqual([3, 1, 1, 1]);
        expect(await engine.inventoryAging([ROOFTOP, NEIGHBOUR], asOf, buckets)).toEqual([4, 1, 1, 1]);
        // On 5 February: 2, 3 and 4 were 2, 3 and 2 days old, 6 was 42, 5 was 77; the rest came later.
        expect(await engine.inventoryAging([ROOFTOP], new Date('2026-02-05T06:00:00Z'), buckets)).toEqual([
          3, 1, 1, 0,
        ]);
      });

      it('gives the sales of the period with their median and average days on the lot', async () => {
        await engine.append([
          ended('vehicle_sold', 1, '2026-03-02T15:00:00Z', '2026-02-20T15:00:00Z', 10),
          ended('vehicle_sold', 2, '2026-03-03T15:00:00Z', '2026-02-11T15:00:00Z', 20),
          ended('vehicle_sold', 3, '2026-03-04T15:00:00Z', '2026-01-18T15:00:00Z', 45),
          ended('vehicle_sold', 4, '2026-02-20T15:00:00Z', '2025-11-12T15:00:00Z', 100), // before the period
          {
            ...ended('vehicle_sold', 5, '2026-03-03T15:00:00Z', '2026-02-01T15:00:00Z', 30),
            dealershipId: NEIGHBOUR,
          },
          ended('vehicle_removed', 6, '2026-03-03T15:00:00Z', '2026-02-01T15:00:00Z', 30), // removed is not sold
        ]);

        expect(approx(await engine.daysToSell(period()))).toEqual({
          sold: 3,
          medianDays: 20,
          averageDays: 25,
        });
        expect(
          await engine.daysToSell(
            period({ from: new Date('2026-03-10T05:00:00Z'), to: new Date('2026-03-11T05:00:00Z') }),
          ),
        ).toEqual({
          sold: 0,
          medianDays: null,
          averageDays: null,
        });
      });
    });

    describe('searches', () => {
      const search = (
        at: string,
        terms: string | null,
        resultCount: number,
        sessionId: string,
        weight = 1,
        dealershipId = ROOFTOP,
      ) =>
        event('search', at, {
          searchTerms: terms,
          resultCount,
          sessionId: `visit-${sessionId.repeat(16)}`,
          weight,
          dealershipId,
          source: 'direct',
        });

      function searches(): AnalyticsEvent[] {
        return [
          search('2026-03-02T18:00:00Z', 'ford bronco', 0, 'a', 2), // a sampled visit: weighs 2
          search('2026-03-03T18:00:00Z', 'ford bronco', 0, 'a'),
          search('2026-03-02T19:00:00Z', 'toyota tacoma', 0, 'b'),
          search('2026-03-03T19:00:00Z', 'toyota tacoma', 0, 'c'),
          search('2026-03-04T19:00:00Z', 'toyota tacoma', 0, 'b'),
          search('2026-03-02T20:00:00Z', 'honda civic', 0, 'd'),
          search('2026-03-02T21:00:00Z', 'mazda cx-5', 4, 'd'), // found cars
          search('2026-03-02T22:00:00Z', null, 0, 'e'), // nothing typed, nothing found
          search('2026-02-20T18:00:00Z', 'toyota tacoma', 0, 'f'), // before the period
          search('2026-03-02T18:00:00Z', 'tesla model y', 0, 'g', 1, NEIGHBOUR),
        ];
      }

      it('lists searches without results by weighted count, then terms, with distinct sessions and the latest time', async () => {
        await engine.append(searches());

        expect(await engine.noResultSearches(period(), 10)).toEqual([
          {
            terms: 'ford bronco',
            searches: 3,
            sessions: 1,
            lastSearchedAt: new Date('2026-03-03T18:00:00Z'),
          },
          {
            terms: 'toyota tacoma',
            searches: 3,
            sessions: 2,
            lastSearchedAt: new Date('2026-03-04T19:00:00Z'),
          },
          {
            terms: 'honda civic',
            searches: 1,
            sessions: 1,
            lastSearchedAt: new Date('2026-03-02T20:00:00Z'),
          },
        ]);
        expect((await engine.noResultSearches(period(), 2)).map((row) => row.terms)).toEqual([
          'ford bronco',
          'toyota tacoma',
        ]);
      });

      it('totals every search and those without results, by weight', async () => {
        await engine.append(searches());

        // All: 2 + 1 + 3 + 1 + 1 (mazda) + 1 (nothing typed) = 9; without results: 9 − 1 = 8.
        expect(await engine.searchTotals(period())).toEqual({ searches: 9, noResultSearches: 8 });
      });
    });

    describe('the warehouse export', () => {
      it('pages through a period in id order, every event once and as appended, instants in UTC', async () => {
        const day = [
          event('lead_first_response', '2026-03-02T23:00:00+02:00', {
            id: 'leads:3',
            leadId: uuid('lead', 3),
            ...AVERY,
            responseSeconds: 42,
          }),
          event('lead_created', '2026-03-02T00:00:00Z', {
            id: 'leads:1',
            leadId: uuid('lead', 1),
            source: 'cars.com',
            dealershipId: NEIGHBOUR,
          }),
          event('vehicle_sold', '2026-03-02T12:30:00.250Z', {
            id: 'inventory:2',
            vehicleId: uuid('vehicle', 2),
            priceCents: 2_450_000,
            daysOnLot: 12,
            listedAt: '2026-02-18T12:00:00Z',
            make: 'Ford',
            model: 'Bronco',
            year: 2023,
            vehicleCondition: 'used',
          }),
        ];
        const outside = [
          event('lead_created', '2026-03-01T23:59:59.999Z', { id: 'leads:0' }),
          event('lead_created', '2026-03-03T00:00:00Z', { id: 'leads:4' }),
        ];
        await engine.append([...day, ...outside]);
        const from = new Date('2026-03-02T00:00:00Z');
        const to = new Date('2026-03-03T00:00:00Z');

        const firstPage = await engine.eventsBetween(from, to, null, 2);
        const secondPage = await engine.eventsBetween(from, to, firstPage.at(-1)?.id ?? null, 2);
        const thirdPage = await engine.eventsBetween(from, to, secondPage.at(-1)?.id ?? null, 2);

        expect(firstPage).toEqual([
          { ...day[2], occurredAt: '2026-03-02T12:30:00.250Z', listedAt: '2026-02-18T12:00:00.000Z' },
          { ...day[1], occurredAt: '2026-03-02T00:00:00.000Z' },
        ]);
        expect(secondPage).toEqual([{ ...day[0], occurredAt: '2026-03-02T21:00:00.000Z' }]);
        expect(thirdPage).toEqual([]);
      });
    });

    describe('rooftops and sources', () => {
      it('gives one row per dealership that had any event, with views, leads, sales and median first response', async () => {
        await engine.append(leadFlow());
        const group = period({ dealershipIds: [ROOFTOP, NEIGHBOUR, QUIET_ROOFTOP] });

        // Rooftop: views 1 + 1 + 2.5 + 1; leads 1–4; sales of 1, 4 and 0; answers 60, 120, 300, 600 → median 210.
        expect(approx(await engine.rooftopFigures(group))).toEqual([
          { dealershipId: ROOFTOP, vehicleViews: 5.5, leads: 4, sold: 3, medianFirstResponseSeconds: 210 },
          { dealershipId: NEIGHBOUR, vehicleViews: 0, leads: 1, sold: 1, medianFirstResponseSeconds: 45 },
        ]);
        // Avery's: leads 1, 3, 4 here and 9 there; her answers 60 and 120 → 90.
        expect(approx(await engine.rooftopFigures({ ...group, salespersonId: 'sp-avery' }))).toEqual([
          { dealershipId: ROOFTOP, vehicleViews: 5.5, leads: 3, sold: 3, medianFirstResponseSeconds: 90 },
          { dealershipId: NEIGHBOUR, vehicleViews: 0, leads: 1, sold: 1, medianFirstResponseSeconds: 45 },
        ]);
      });

      it('lists the sources leads arrived from in the period, alphabetically', async () => {
        await engine.append([...leadFlow(), arrival('2026-03-04T12:00:00Z', 'autotrader', NEIGHBOUR)]);

        // Not "direct" (a view's traffic source), not lead 4 (no source), not the neighbour's autotrader.
        expect(await engine.leadSources(period())).toEqual(['cars.com', 'facebook']);
      });
    });
  });
}
