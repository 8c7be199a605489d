import { describe, expect, it } from 'vitest';
import { aprBpsToMoneyFactor, moneyFactorToAprBps } from './money-factor';

describe('money factor and APR equivalent (APR = MF × 2400)', () => {
  it('turns the money factors dealers quote into APR basis points', () => {
    expect(moneyFactorToAprBps(0.00125)).toBe(300);
    expect(moneyFactorToAprBps(0.0025)).toBe(600);
    expect(moneyFactorToAprBps(0.00275)).toBe(660);
    expect(moneyFactorToAprBps(0.00208)).toBe(499);
    expect(moneyFactorToAprBps(0)).toBe(0);
  });

  it('turns an APR into a six-decimal money factor', () => {
    expect(aprBpsToMoneyFactor(300)).toBe(0.00125);
    expect(aprBpsToMoneyFactor(599)).toBe(0.002496);
  });

  it('goes there and back for every APR from 0 to 30 %', () => {
    for (let bps = 0; bps <= 3_000; bps++) {
      expect(moneyFactorToAprBps(aprBpsToMoneyFactor(bps))).toBe(bps);
    }
  });
});
