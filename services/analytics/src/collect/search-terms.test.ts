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
