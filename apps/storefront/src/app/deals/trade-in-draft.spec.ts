import { EMPTY_TRADE_IN, checkTradeIn, photoProblem, tradeInFieldOf, tradeInInputOf } from './trade-in-draft';

const file = (name: string, size: number, type = 'image/jpeg') => {
  const photo = new File(['x'], name, { type });
  Object.defineProperty(photo, 'size', { value: size });
  return photo;
};

describe('a trade-in as typed', () => {
  it('by VIN: normalised, and only the VIN identifies the car', () => {
    const values = {
      ...EMPTY_TRADE_IN,
      vin: ' 1hgcm82633a004352 ',
      mileage: '61,200',
      overall: 'good' as const,
      lender: 'Ally',
    };
    expect(checkTradeIn(values, 2026)).toEqual({});
    expect(tradeInInputOf(values)).toEqual({
      vin: '1HGCM82633A004352',
      mileage: 61_200,
      condition: {
        overall: 'good',
        accidents: false,
        mechanicalIssues: false,
        warningLights: false,
        keys: 2,
      },
      payoffCents: 0,
      lender: 'Ally',
    });
  });

  it('asks for what is missing: the year, make and model without a VIN, the mileage and the condition', () => {
    const errors = checkTradeIn(
      { ...EMPTY_TRADE_IN, identify: 'details', year: '1975', payoff: 'a lot' },
      2026,
    );
    expect(Object.keys(errors).sort()).toEqual(['make', 'mileage', 'model', 'overall', 'payoff', 'year']);
    expect(checkTradeIn({ ...EMPTY_TRADE_IN, vin: 'IOQ' }, 2026).vin).toContain('17 characters');
  });

  it('places the API’s field names on the form', () => {
    expect(tradeInFieldOf('condition.overall')).toBe('overall');
    expect(tradeInFieldOf('payoffCents')).toBe('payoff');
    expect(tradeInFieldOf('vin')).toBe('vin');
    expect(tradeInFieldOf('photos')).toBeNull();
  });

  it('refuses photos beyond eight, over 10 MB, or that are not pictures, before sending them', () => {
    expect(photoProblem([file('a.jpg', 1_000)], 7)).toBeNull();
    expect(photoProblem([file('a.jpg', 1_000), file('b.jpg', 1_000)], 7)).toContain('up to 8 photos');
    expect(photoProblem([file('big.jpg', 11 * 1024 * 1024)], 0)).toContain('big.jpg is larger than 10 MB');
    expect(photoProblem([file('notes.pdf', 1_000, 'application/pdf')], 0)).toContain(
      'notes.pdf is not a photo',
    );
  });
});
