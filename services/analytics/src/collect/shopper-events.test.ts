import { describe, expect, it } from 'vitest';
import { AnalyticsEventSchema, type ShopperEventBatch } from '@showroom/contracts';
import { MAX_EVENT_AGE_MS, analyticsEventsOf, occurredAtOf, weightOf } from './shopper-events';

const dealershipId = '6f1c3a52-8d0e-4d7b-9a51-3f0c2b7e9d11';
const vehicleId = '0b7f5e3c-2a1d-4c9e-8f6b-5d4a3c2b1e0f';
const receivedAt = new Date('2026-12-06T19:00:00.000Z');
const minutesBefore = (minutes: number) => new Date(receivedAt.getTime() - minutes * 60_000).toISOString();

function batchOf(
  events: ShopperEventBatch['events'],
  overrides: Partial<ShopperEventBatch> = {},
): ShopperEventBatch {
  return {
    sessionId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    sampleRate: 1,
    consent: 'implied',
    events,
    ...overrides,
  };
}

describe('a shopper batch becoming analytics events', () => {
  it('gives each event its own id, the dealership, the visit and its fields, valid as the contract says', () => {
    const ids = ['id-1', 'id-2', 'id-3', 'id-4'];
    const events = analyticsEventsOf(
      batchOf(
        [
          {
            type: 'search',
            at: minutesBefore(4),
            query: 'Tacoma',
            filters: { body: 'Truck' },
            resultCount: 0,
          },
          { type: 'vehicle_view', at: minutesBefore(3), vehicleId },
          { type: 'form_submit', at: minutesBefore(2), form: 'trade_in', vehicleId },
          { type: 'calculator_use', at: minutesBefore(1), vehicleId, dealKind: 'lease' },
        ],
        { source: 'google' },
      ),
      { dealershipId, receivedAt, sampleRate: 1, newId: () => ids.shift() as string },
    );
    expect(events.map((event) => AnalyticsEventSchema.parse(event))).toEqual(events);
    expect(events.map((e) => [e.id, e.type, e.source, e.dealershipId])).toEqual([
      ['id-1', 'search', 'google', dealershipId],
      ['id-2', 'vehicle_view', 'google', dealershipId],
      ['id-3', 'form_submit', 'google', dealershipId],
      ['id-4', 'calculator_use', 'google', dealershipId],
    ]);
    expect(events[0]).toMatchObject({ searchTerms: 'tacoma · body: truck', resultCount: 0, vehicleId: null });
    expect(events[2]).toMatchObject({ form: 'trade_in', vehicleId });
    expect(events[3]).toMatchObject({ dealKind: 'lease', vehicleId });
    expect(new Set(events.map((e) => e.sessionId))).toEqual(
      new Set(['a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d']),
    );
  });

  it('counts a visit with no source and no referrer as direct, and a source holding an address as direct too', () => {
    const event = { type: 'vehicle_view' as const, at: minutesBefore(1), vehicleId };
    const [plain] = analyticsEventsOf(batchOf([event]), { dealershipId, receivedAt, sampleRate: 1 });
    const [tagged] = analyticsEventsOf(batchOf([event], { source: 'jane@example.com' }), {
      dealershipId,
      receivedAt,
      sampleRate: 1,
    });
    expect(plain?.source).toBe('direct');
    expect(tagged?.source).toBe('direct');
  });

  it('weighs a sampled visit by its rate, but never more than the dealership’s own rate allows', () => {
    expect(weightOf(0.25, 0.25)).toBe(4);
    expect(weightOf(0.001, 0.5)).toBe(2);
    expect(weightOf(1, 0.1)).toBe(1);
  });

  it('takes a time ahead of the arrival as the arrival, and drops events older than a day', () => {
    expect(occurredAtOf(new Date(receivedAt.getTime() + 3_600_000).toISOString(), receivedAt)).toBe(
      receivedAt.toISOString(),
    );
    expect(
      occurredAtOf(new Date(receivedAt.getTime() - MAX_EVENT_AGE_MS - 1).toISOString(), receivedAt),
    ).toBeNull();
    const events = analyticsEventsOf(
      batchOf([
        { type: 'vehicle_view', at: minutesBefore(2 * 24 * 60), vehicleId },
        { type: 'vehicle_view', at: minutesBefore(5), vehicleId },
      ]),
      { dealershipId, receivedAt, sampleRate: 1 },
    );
    expect(events.map((e) => e.occurredAt)).toEqual([minutesBefore(5)]);
  });
});
