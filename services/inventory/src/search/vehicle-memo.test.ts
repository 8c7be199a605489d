import { describe, expect, it } from 'vitest';
import type { Vehicle } from '@showroom/contracts';
import { IndexGenerations } from './page-cache';
import { VehicleMemo } from './vehicle-memo';

const vehicle = (id: string, dealershipId: string, priceCents = 1_000_000) =>
  ({ id, dealershipId, priceCents }) as Vehicle;

function setup(options: { maxVehicles?: number; ttlMs?: number } = {}) {
  let now = 0;
  const generations = new IndexGenerations();
  const memo = new VehicleMemo(generations, {
    maxVehicles: options.maxVehicles ?? 100,
    ttlMs: options.ttlMs ?? 60_000,
    now: () => now,
  });
  const read = (...vehicles: Vehicle[]) =>
    memo.remember(vehicles, memo.generationsOf(vehicles.map((v) => v.dealershipId)));
  return { generations, memo, read, later: (ms: number) => (now += ms) };
}

describe('vehicles of recent hits, kept until their rooftop’s index changes', () => {
  it('when a hit was read a moment ago, then it is known and not read again', () => {
    const { memo, read } = setup();
    read(vehicle('a', 'north'));
    expect(
      memo.recall([
        { id: 'a', dealershipId: 'north' },
        { id: 'b', dealershipId: 'north' },
      ]),
    ).toEqual({
      known: [vehicle('a', 'north')],
      missing: [{ id: 'b', dealershipId: 'north' }],
    });
  });

  it('when the index applied a change to the rooftop, then its vehicles are read again', () => {
    const { generations, memo, read } = setup();
    read(vehicle('a', 'north'), vehicle('b', 'south'));
    generations.bump(['north']);
    const { known, missing } = memo.recall([
      { id: 'a', dealershipId: 'north' },
      { id: 'b', dealershipId: 'south' },
    ]);
    expect(missing).toEqual([{ id: 'a', dealershipId: 'north' }]);
    expect(known.map((v) => v.id)).toEqual(['b']);
  });

  it('when a change was applied while a read was in flight, then what it read is stale at once', () => {
    const { generations, memo } = setup();
    const before = memo.generationsOf(['north']);
    generations.bump(['north']);
    memo.remember([vehicle('a', 'north')], before);
    expect(memo.recall([{ id: 'a', dealershipId: 'north' }]).missing).toHaveLength(1);
  });

  it('when a kept vehicle is asked for under another dealership, then it is not given', () => {
    const { memo, read } = setup();
    read(vehicle('a', 'north'));
    expect(memo.recall([{ id: 'a', dealershipId: 'rival' }]).known).toEqual([]);
  });

  it('when a vehicle is older than its time to live, or pushed out by newer ones, then it is read again', () => {
    const { memo, read, later } = setup({ maxVehicles: 2, ttlMs: 1_000 });
    read(vehicle('a', 'north'), vehicle('b', 'north'), vehicle('c', 'north'));
    expect(memo.recall([{ id: 'a', dealershipId: 'north' }]).missing).toHaveLength(1);
    later(1_000);
    expect(memo.recall([{ id: 'c', dealershipId: 'north' }]).missing).toHaveLength(1);
  });
});
