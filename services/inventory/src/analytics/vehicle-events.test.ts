import { describe, expect, it } from 'vitest';
import { vehicleEventsOf, type VehicleFacts } from './vehicle-events';

const listedAt = new Date('2026-11-01T15:00:00.000Z');
const car = (overrides: Partial<VehicleFacts> = {}): VehicleFacts => ({
  id: '6f1d2c0e-5b7a-4c1e-9d3f-2a8b7c6d5e4f',
  status: 'available',
  price_cents: 2_500_000,
  vehicle_condition: 'used',
  make: 'Toyota',
  model: 'Tacoma',
  year: 2021,
  created_at: listedAt,
  ...overrides,
});
const at = new Date('2026-12-06T10:00:00.000Z');
const typesOf = (before: VehicleFacts | null, after: VehicleFacts | null) =>
  vehicleEventsOf(before, after, at).map((e) => e.type);

describe('what a vehicle change means for analytics', () => {
  it('a car added to the lot (available or held) is listed; one entered already sold or archived is not', () => {
    expect(typesOf(null, car())).toEqual(['vehicle_listed']);
    expect(typesOf(null, car({ status: 'pending' }))).toEqual(['vehicle_listed']);
    expect(typesOf(null, car({ status: 'sold' }))).toEqual([]);
    expect(typesOf(null, car({ status: 'archived' }))).toEqual([]);
  });

  it('every price change counts, up, down, set or removed; BIGINT strings equal to numbers are no change', () => {
    expect(typesOf(car(), car({ price_cents: 2_600_000 }))).toEqual(['vehicle_price_changed']);
    expect(typesOf(car(), car({ price_cents: 2_400_000 }))).toEqual(['vehicle_price_changed']);
    expect(typesOf(car({ price_cents: null }), car())).toEqual(['vehicle_price_changed']);
    expect(vehicleEventsOf(car(), car({ price_cents: null }), at)[0]?.payload.priceCents).toBeNull();
    expect(typesOf(car(), car({ price_cents: '2500000' as unknown as number }))).toEqual([]);
  });

  it('a sale counts whole days from listing; going on hold is no event; archiving or deleting a car on the lot removes it', () => {
    const [sold] = vehicleEventsOf(car(), car({ status: 'sold' }), at);
    expect(sold).toMatchObject({
      type: 'vehicle_sold',
      payload: { daysOnLot: 34, listedAt: listedAt.toISOString() },
    });
    expect(typesOf(car(), car({ status: 'pending' }))).toEqual([]);
    expect(typesOf(car(), car({ status: 'archived' }))).toEqual(['vehicle_removed']);
    expect(typesOf(car({ status: 'pending' }), null)).toEqual(['vehicle_removed']);
  });

  it('a car already gone (sold or archived) is not removed again when deleted, and is listed again when put back on sale', () => {
    expect(typesOf(car({ status: 'sold' }), null)).toEqual([]);
    expect(typesOf(car({ status: 'archived' }), null)).toEqual([]);
    expect(typesOf(car({ status: 'sold' }), car())).toEqual(['vehicle_listed']);
    expect(typesOf(car({ status: 'archived' }), car({ price_cents: 2_300_000 }))).toEqual([
      'vehicle_price_changed',
      'vehicle_listed',
    ]);
  });
});
