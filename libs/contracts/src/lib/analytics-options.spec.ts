import { describe, expect, it } from 'vitest';
import { scrubSearchFilter, scrubSearchText, searchRangeValue } from './analytics-options';

describe('scrubSearchText: personal data in what shoppers type', () => {
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
    ['call 5551234', 'call'],
    ['5558675309 tacoma', 'tacoma'],
  ])('"%s" keeps only "%s"', (typed, kept) => {
    expect(scrubSearchText(typed)).toBe(kept);
  });

  it.each([
    ['2018-2020 tacoma'],
    ['2019 30000 4runner'],
    ['f-150 xlt 4x4'],
    ['under 25000'],
    ['90210'],
    ['tacoma under 150000 miles'],
    ['100000-150000'],
    ['$100,000 truck'],
  ])('"%s" (years, prices, mileages, a zip code, model names) is kept as typed', (typed) => {
    expect(scrubSearchText(typed)).toBe(typed);
  });
});

describe('scrubSearchFilter: a filter value, where a range of figures is not personal data', () => {
  it.each([
    ['price', searchRangeValue(100_000, 150_000), '100000–150000'],
    ['price', searchRangeValue(undefined, 1_000_000), '–1000000'],
    ['mileage', searchRangeValue(100_000, 1_500_000), '100000–1500000'],
    ['mileage', searchRangeValue(0, 30_000), '0–30000'],
    ['year', searchRangeValue(2018, undefined), '2018–'],
    ['Price', '25000–100000', '25000–100000'],
  ])('%s "%s" is kept as "%s"', (name, value, kept) => {
    expect(scrubSearchFilter(name, value)).toBe(kept);
  });

  it.each([
    ['a card number as a price bound', 'price', '4111111111111111–'],
    ['a price over the search’s largest', 'price', '–10000001'],
    ['a mileage over the search’s largest', 'mileage', '5558675309–'],
    ['a year before the first model year', 'year', '1234567–'],
    ['a bound with a leading zero (an account number)', 'mileage', '00123456–'],
    ['bounds in the wrong order', 'price', '9000000–1000'],
  ])('%s is scrubbed as free text', (_what, name, value) => {
    expect(scrubSearchFilter(name, value)).toBe(scrubSearchText(value));
    expect(scrubSearchFilter(name, value)).not.toMatch(/\d{7,}/);
  });

  it('scrubs every other filter as free text, even when its value looks like a range', () => {
    expect(scrubSearchFilter('note', '1000000–1500000')).toBe('');
    expect(scrubSearchFilter('make', 'jane@example.com')).toBe('');
    expect(scrubSearchFilter('model', '555-123-4567 tacoma')).toBe('tacoma');
    expect(scrubSearchFilter('price', 'call 555-123-4567')).toBe('call');
    expect(scrubSearchFilter('toString', '1000000–')).toBe('');
  });
});
