import { describe, expect, it } from 'vitest';
import { amortisedPaymentCents } from './amortised-payment';

describe('the amortised monthly payment P·r / (1 − (1 + r)^−n)', () => {
  it.each([
    ['$25,000 at 6 % for 60 months is $483.32', 2_500_000, 600, 60, 48_332],
    ['$10,000 at 7 % for 36 months is $308.77', 1_000_000, 700, 36, 30_877],
    ['$20,000 at 5 % for 48 months is $460.59', 2_000_000, 500, 48, 46_059],
  ])('%s', (_story, principal, aprBps, term, payment) => {
    expect(amortisedPaymentCents(principal, aprBps, term)).toBe(payment);
  });

  it('at 0 % divides the principal evenly, rounding half a cent up: $11,349 over 72 months is $157.63', () => {
    expect(amortisedPaymentCents(1_134_900, 0, 72)).toBe(15_763);
    expect(amortisedPaymentCents(2_400_000, 0, 60)).toBe(40_000);
  });

  it('is 0 when nothing is borrowed', () => {
    expect(amortisedPaymentCents(0, 699, 60)).toBe(0);
  });
});
