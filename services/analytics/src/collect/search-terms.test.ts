import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS_LENGTH, scrubPersonalData, searchTermsOf } from './search-terms';

describe('personal data in what shoppers type', () => {
  it.each([
    ['jane.doe@example.com tacoma', 'tacoma'],
    ['call me jane@gmail', 'call me'],
    ['camry 555-123-4567', 'camry'],
    ['+1 (555) 123-4567 rav4', 'rav4'],
    ['555.123.4567', ''],
    ['ssn 123-45-6789', 'ssn'],
    ['born 12/05/1990 civic', 'born civic'],
    ['card 4111111111111111', 'card'],
    ['acct#00123456 f-150', 'f-150'],
  ])('"%s" keeps only "%s"', (typed, kept) => {
    expect(scrubPersonalData(typed)).toBe(kept);
  });

  it.each([['2018-2020 tacoma'], ['2019 30000 4runner'], ['f-150 xlt 4x4'], ['under 25000'], ['90210']])(
    '"%s" (years, prices, a zip code, model names) is kept as typed',
    (typed) => {
      expect(scrubPersonalData(typed)).toBe(typed);
    },
  );
});

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
