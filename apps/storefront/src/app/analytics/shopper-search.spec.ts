import { RANGE_FACETS, VALUE_FACETS, scrubSearchFilter, type PublicVehicleParams } from '@showroom/contracts';
import { keyOf, searchDescriptionOf } from './shopper-search';

describe('a results page’s search as the tracker describes it', () => {
  it('gives price, mileage and year ranges as figures, the price in whole dollars, however large', () => {
    const search = searchDescriptionOf({
      priceMin: 10_000_000,
      priceMax: 15_000_000,
      mileageMax: 150_000,
      yearMin: 2018,
    });
    expect(search.filters).toEqual({ price: '100000–150000', mileage: '–150000', year: '2018–' });
  });

  it('sends ranges the collection route keeps as they are, while personal data in the typed text is gone', () => {
    const search = searchDescriptionOf({
      q: 'jane.doe@example.com tacoma 555-867-5309',
      priceMax: 1_000_000_000,
      mileageMin: 100_000,
      mileageMax: 2_000_000,
    });
    expect(search.query).toBe('tacoma');
    for (const [name, value] of Object.entries(search.filters))
      expect(scrubSearchFilter(name, value)).toBe(value);
    expect(search.filters).toEqual({ price: '–10000000', mileage: '100000–2000000' });
  });

  it('describes every filter of the public search, so one added to it is not missed', () => {
    const params: Record<string, string | number> = {};
    for (const name of VALUE_FACETS) params[name] = `${name} value`;
    for (const name of RANGE_FACETS) params[`${name}Max`] = 2020;
    const search = searchDescriptionOf(params as PublicVehicleParams);
    expect(Object.keys(search.filters).sort()).toEqual([...VALUE_FACETS, ...RANGE_FACETS].sort());
  });

  it('leaves out a bound that is not a whole number, and a range with neither bound', () => {
    expect(searchDescriptionOf({ priceMin: 'cheap', priceMax: '', mileageMax: -5 }).filters).toEqual({});
    expect(searchDescriptionOf({ yearMin: '2019' }).filters).toEqual({ year: '2019–' });
  });

  it('is the same search on another page or sort, and another with other filters', () => {
    const first = keyOf(searchDescriptionOf({ make: 'Toyota', priceMax: 3_000_000 }));
    expect(keyOf(searchDescriptionOf({ make: 'Toyota', priceMax: 3_000_000, page: 2, sort: 'price' }))).toBe(
      first,
    );
    expect(keyOf(searchDescriptionOf({ make: 'Toyota', priceMax: 4_000_000 }))).not.toBe(first);
  });
});
