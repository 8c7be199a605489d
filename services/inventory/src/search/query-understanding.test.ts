import { describe, expect, it } from 'vitest';
import { understandQuery } from './query-understanding';

describe('understanding what a shopper typed', () => {
  it.each([
    ['chevy 4x4 under 30k', 'chevy 4x4', { priceMax: 3_000_000 }],
    ['camry below $25,000', 'camry', { priceMax: 2_500_000 }],
    ['truck over 40k', 'truck', { priceMin: 4_000_000 }],
    ['civic 15k-20k', 'civic', { priceMin: 1_500_000, priceMax: 2_000_000 }],
    ['suv between 20 and 30k', 'suv', { priceMin: 2_000_000, priceMax: 3_000_000 }],
    ['f-150 under 50k miles', 'f-150', { mileageMax: 50_000 }],
    ['accord under 60,000 mi under 20k', 'accord', { mileageMax: 60_000, priceMax: 2_000_000 }],
    ['tacoma 2018+', 'tacoma', { yearMin: 2018 }],
    ['tacoma newer than 2018', 'tacoma', { yearMin: 2019 }],
    ['wrangler since 2020', 'wrangler', { yearMin: 2020 }],
  ])(
    'when a shopper types "%s", then the words are "%s" and the bounds are taken out',
    (typed, text, bounds) => {
      expect(understandQuery(typed)).toEqual({ text, bounds });
    },
  );

  it.each([
    ['model 3 under 30', 'model 3 under 30'],
    ['2019 camry', '2019 camry'],
    ['U1042', 'U1042'],
    ['300 series', '300 series'],
  ])('when "%s" holds no plausible price or mileage phrase, then the text stays as typed', (typed, text) => {
    expect(understandQuery(typed)).toEqual({ text, bounds: {} });
  });

  it('when only a phrase was typed, then there are no words left to match', () => {
    expect(understandQuery('under 20k')).toEqual({ text: undefined, bounds: { priceMax: 2_000_000 } });
  });
});
