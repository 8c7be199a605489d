import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS_LENGTH, searchTermsOf } from './search-terms';

describe('a search as analytics keeps it', () => {
  it('joins the typed text and the filters in name order, lower-cased', () => {
    expect(searchTermsOf('  Toyota   Tacoma ', { make: 'Toyota', body: 'Truck' })).toBe(
      'toyota tacoma · body: truck · make: toyota',
    );
  });

  it('takes personal data out of filter values and names too', () => {
    expect(searchTermsOf(undefined, { make: 'Honda', 'jane@example.com': 'x', note: '555 123 4567' })).toBe(
      'make: honda',
    );
  });

  it('keeps the figures of price, mileage and year ranges, however large, while the typed text is scrubbed', () => {
    expect(
      searchTermsOf('tacoma 555-867-5309 4111111111111111', {
        price: '100000–150000',
        mileage: '–1500000',
        year: '2018–2022',
      }),
    ).toBe('tacoma · mileage: –1500000 · price: 100000–150000 · year: 2018–2022');
  });

  it('scrubs a range filter that holds no range the search allows, and long numbers in any other filter', () => {
    expect(
      searchTermsOf(undefined, {
        price: '4111111111111111–',
        mileage: 'call 555-867-5309',
        note: '1000000–1500000',
      }),
    ).toBe('mileage: call');
  });

  it('is null when a shopper browses every car', () => {
    expect(searchTermsOf(undefined, undefined)).toBeNull();
    expect(searchTermsOf('jane@example.com', {})).toBeNull();
  });

  it('is cut at a word to the longest text kept', () => {
    const terms = searchTermsOf('tacoma '.repeat(60), undefined) as string;
    expect(terms.length).toBeLessThanOrEqual(MAX_SEARCH_TERMS_LENGTH);
    expect(terms.endsWith('tacoma')).toBe(true);
  });
});
