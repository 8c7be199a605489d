import { describe, expect, it } from 'vitest';
import { scrubSearchText } from './analytics-options';

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
  ])('"%s" keeps only "%s"', (typed, kept) => {
    expect(scrubSearchText(typed)).toBe(kept);
  });

  it.each([['2018-2020 tacoma'], ['2019 30000 4runner'], ['f-150 xlt 4x4'], ['under 25000'], ['90210']])(
    '"%s" (years, prices, a zip code, model names) is kept as typed',
    (typed) => {
      expect(scrubSearchText(typed)).toBe(typed);
    },
  );
});
