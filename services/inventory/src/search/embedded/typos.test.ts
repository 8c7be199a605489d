import { describe, expect, it } from 'vitest';
import { editDistanceWithin, typoBudget } from './typos';

describe('typos a search forgives', () => {
  it('when a word is short or has digits, then no typo is forgiven; from 4 letters one, from 8 two', () => {
    expect([
      typoBudget('kia'),
      typoBudget('ford'),
      typoBudget('silverdo'),
      typoBudget('f150'),
      typoBudget('2021'),
    ]).toEqual([0, 1, 2, 0, 0]);
  });

  it('when letters are missing, extra, wrong or swapped, then each counts as one edit', () => {
    expect(editDistanceWithin('toyta', 'toyota', 1, false)).toBe(1);
    expect(editDistanceWithin('hondaa', 'honda', 1, false)).toBe(1);
    expect(editDistanceWithin('hinda', 'honda', 1, false)).toBe(1);
    expect(editDistanceWithin('hnoda', 'honda', 1, false)).toBe(1);
    expect(editDistanceWithin('hnodaa', 'honda', 1, false)).toBe(-1);
  });

  it('when the word is still being typed, then it is compared with the start of the longer word', () => {
    expect(editDistanceWithin('silvr', 'silverado', 1, true)).toBe(1);
    expect(editDistanceWithin('silv', 'silverado', 1, true)).toBe(0);
    expect(editDistanceWithin('silvr', 'silverado', 1, false)).toBe(-1);
  });
});
