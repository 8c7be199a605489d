import { describe, expect, it } from 'vitest';
import type { TradeConditionAnswers, ValuationGridRow } from '@showroom/contracts';
import { estimateTrade, gridRowFor } from './trade-estimate';

const ANY_HONDA: ValuationGridRow = {
  make: 'Honda',
  model: null,
  yearFrom: 2015,
  yearTo: 2024,
  maxMileage: 150_000,
  lowCents: 1_000_000,
  highCents: 1_200_000,
};
const CIVIC: ValuationGridRow = { ...ANY_HONDA, model: 'Civic', lowCents: 1_400_000, highCents: 1_600_000 };
const LOW_MILES_HONDA: ValuationGridRow = { ...ANY_HONDA, maxMileage: 30_000, lowCents: 1_800_000 };

const GOOD: TradeConditionAnswers = {
  overall: 'good',
  accidents: false,
  mechanicalIssues: false,
  warningLights: false,
  keys: 2,
};
const civic2019 = { year: 2019, make: 'Honda', model: 'Civic', mileage: 45_000 };

describe('the trade estimate from the dealer’s grid', () => {
  it('prices by the row naming the model over the one for any model of the make, wherever the dealer put it', () => {
    expect(gridRowFor([ANY_HONDA, CIVIC], civic2019)).toBe(CIVIC);
    expect(estimateTrade([ANY_HONDA, CIVIC], civic2019, GOOD)).toEqual({
      lowCents: 1_400_000,
      highCents: 1_600_000,
    });
  });

  it('matches the make ignoring case, and only rows whose years and miles cover the trade', () => {
    const typed = { ...civic2019, make: 'HONDA', model: 'civic' };
    expect(gridRowFor([CIVIC], typed)).toBe(CIVIC);
    expect(gridRowFor([CIVIC], { ...typed, year: 2014 })).toBeNull();
    expect(gridRowFor([CIVIC], { ...typed, mileage: 150_001 })).toBeNull();
    expect(gridRowFor([LOW_MILES_HONDA, ANY_HONDA], civic2019)).toBe(ANY_HONDA);
    expect(gridRowFor([CIVIC], { ...civic2019, model: 'Accord' })).toBeNull();
    expect(gridRowFor([CIVIC], { ...civic2019, model: null })).toBeNull();
  });

  it('between equally specific rows, the dealer’s first wins', () => {
    const second = { ...ANY_HONDA, lowCents: 1 };
    expect(gridRowFor([ANY_HONDA, second], civic2019)).toBe(ANY_HONDA);
  });

  it('scales the range by the overall condition and rounds each end down to $25', () => {
    const odd: ValuationGridRow = { ...CIVIC, lowCents: 1_234_567, highCents: 1_500_000 };
    // excellent 108 %: 13,333.32 → 13,325.00; 16,200.00 stays.
    expect(estimateTrade([odd], civic2019, { ...GOOD, overall: 'excellent' })).toEqual({
      lowCents: 1_332_500,
      highCents: 1_620_000,
    });
    // poor 65 %: 8,024.68 → 8,000.00; 9,750.00 stays.
    expect(estimateTrade([odd], civic2019, { ...GOOD, overall: 'poor' })).toEqual({
      lowCents: 800_000,
      highCents: 975_000,
    });
  });

  it('takes 5 % for accidents, 7 % for mechanical issues, 3 % for warning lights and $250 for a missing second key', () => {
    const at = (condition: Partial<TradeConditionAnswers>) =>
      estimateTrade([CIVIC], civic2019, { ...GOOD, ...condition })?.lowCents;
    expect(at({ accidents: true })).toBe(1_330_000);
    // 13,020.00 → 13,000.00
    expect(at({ mechanicalIssues: true })).toBe(1_300_000);
    expect(at({ warningLights: true })).toBe(1_357_500);
    expect(at({ keys: 1 })).toBe(1_375_000);
    expect(at({ keys: 0 })).toBe(1_375_000);
    // Fair (85 %) with all three (15 % of it) and one key: 14,000 × .85 × .85 − 250 = 9,865 → 9,850.
    expect(
      at({ overall: 'fair', accidents: true, mechanicalIssues: true, warningLights: true, keys: 1 }),
    ).toBe(985_000);
  });

  it('never goes below zero', () => {
    const cheap = { ...CIVIC, lowCents: 10_000, highCents: 20_000 };
    expect(estimateTrade([cheap], civic2019, { ...GOOD, keys: 1 })).toEqual({ lowCents: 0, highCents: 0 });
  });

  it('answers null when no row prices the trade (the dealer appraises it by hand)', () => {
    expect(estimateTrade([], civic2019, GOOD)).toBeNull();
    expect(estimateTrade([CIVIC], { ...civic2019, make: 'Toyota' }, GOOD)).toBeNull();
  });
});
