import { formatMileage, formatPrice, priceText } from './format';

describe('prices and mileage as a shopper reads them', () => {
  it('shows integer cents as whole dollars with separators, the way cars are advertised', () => {
    expect(formatPrice(2_499_900)).toBe('$24,999');
    expect(formatPrice(0)).toBe('$0');
  });

  it('keeps the cents when a price has some, instead of rounding them away', () => {
    expect(formatPrice(2_499_950)).toBe('$24,999.50');
  });

  it('shows a Canadian dealership’s price in dollars too', () => {
    expect(formatPrice(3_100_000, 'CAD')).toBe('$31,000');
  });

  it('says "Call for price" for a car without a price rather than $0', () => {
    expect(priceText({ priceCents: null, currency: 'USD' })).toBe('Call for price');
    expect(priceText({ priceCents: 1_850_000, currency: 'USD' })).toBe('$18,500');
  });

  it('shows mileage with separators and its unit', () => {
    expect(formatMileage(34567)).toBe('34,567 mi');
    expect(formatMileage(12)).toBe('12 mi');
  });
});
