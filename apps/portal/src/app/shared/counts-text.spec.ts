import { nonZeroCounts, percentOf } from './counts-text';

describe('counts text', () => {
  it('percentOf: a whole percentage, never above 100, 0 without a total', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(5, 4)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('nonZeroCounts: the counts that are not zero, with their words, joined by ·', () => {
    expect(
      nonZeroCounts([
        [2, 'added'],
        [0, 'updated'],
        [1, 'skipped'],
      ]),
    ).toBe('2 added · 1 skipped');
    expect(nonZeroCounts([[0, 'added']])).toBe('');
  });
});
