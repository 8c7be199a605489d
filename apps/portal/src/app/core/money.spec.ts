import { dollarsToCents, dollarsToCentsOrNull, formatCents, hasWholeCents } from './money';

describe('money', () => {
  it('when a dealer types a price in dollars, then the API gets integer cents without float dust', () => {
    expect(dollarsToCents(19999.99)).toBe(1999999);
    expect(dollarsToCents(0.29)).toBe(29);
    expect(dollarsToCents(25000)).toBe(2500000);
    expect(Number.isInteger(dollarsToCents(1.005))).toBe(true);
  });

  it('when no price is given, then null is sent (not zero)', () => {
    expect(dollarsToCentsOrNull(null)).toBeNull();
    expect(dollarsToCentsOrNull(undefined)).toBeNull();
    expect(dollarsToCentsOrNull(0)).toBe(0);
  });

  it('refuses something that is not an amount', () => {
    expect(() => dollarsToCents(Number.NaN)).toThrow(RangeError);
  });

  it('formats cents as a price tag: whole dollars without cents, otherwise two decimals', () => {
    expect(formatCents(2599900, 'USD')).toBe('$25,999');
    expect(formatCents(2599950, 'USD')).toBe('$25,999.50');
    expect(formatCents(null)).toBe('—');
    expect(formatCents(100000, 'CAD')).toBe('CA$1,000');
  });

  it('tells a price with cents from a typo with three decimals', () => {
    expect(hasWholeCents(12.34)).toBe(true);
    expect(hasWholeCents(12.345)).toBe(false);
  });
});
