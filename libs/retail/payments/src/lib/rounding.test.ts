import { describe, expect, it } from 'vitest';
import { divideRounded, roundHalfAwayFromZero, shareOfCents } from './rounding';

describe('rounding to the cent', () => {
  it('rounds a half cent away from zero, both ways', () => {
    expect(roundHalfAwayFromZero(0.5)).toBe(1);
    expect(roundHalfAwayFromZero(-0.5)).toBe(-1);
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
    expect(roundHalfAwayFromZero(0)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(-0.2), -0)).toBe(false);
  });

  it('is not fooled by binary floating point (1.005 is stored as 1.00499999…)', () => {
    expect(roundHalfAwayFromZero(1.005 * 100)).toBe(101);
    expect(roundHalfAwayFromZero(4_400_000 * 0.00275)).toBe(12_100);
    expect(roundHalfAwayFromZero(5_369_500 * 0.00275)).toBe(14_766);
  });

  it('takes a share in basis points exactly: 6.25 % of $20,763.00 is $1,297.6875 → $1,297.69', () => {
    expect(shareOfCents(2_076_300, 625)).toBe(129_769);
    expect(shareOfCents(3_322_200, 625)).toBe(207_638);
    expect(divideRounded(-15, 10)).toBe(-2);
    expect(divideRounded(14, 10)).toBe(1);
  });
});
