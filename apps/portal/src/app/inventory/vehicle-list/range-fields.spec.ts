import { rangeHint } from './range-fields';

describe('range hints: what the results span, under the range fields', () => {
  const ranges = {
    year: { min: 2016, max: 2024 },
    price: { min: 1299950, max: 4850001 },
    mileage: { min: 12, max: 98000 },
  };

  it('names the lowest under the "from" field and the highest under the "to" field', () => {
    expect(rangeHint('yearMin', ranges)).toBe('Lowest 2016');
    expect(rangeHint('yearMax', ranges)).toBe('Highest 2024');
    expect(rangeHint('mileageMax', ranges)).toBe('Highest 98,000 mi');
  });

  it('rounds prices outwards to whole dollars, so typing the hint keeps every vehicle in', () => {
    expect(rangeHint('priceMin', ranges)).toBe('Lowest $12,999');
    expect(rangeHint('priceMax', ranges)).toBe('Highest $48,501');
  });

  it('says nothing when the results have no such values or have not loaded', () => {
    expect(rangeHint('priceMin', { ...ranges, price: null })).toBeNull();
    expect(rangeHint('yearMin', null)).toBeNull();
  });
});
