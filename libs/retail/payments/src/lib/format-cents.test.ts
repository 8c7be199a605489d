import { describe, expect, it } from 'vitest';
import { formatCents } from './format-cents';

describe('formatCents', () => {
  it.each([
    [123_456, '$1,234.56'],
    [0, '$0.00'],
    [5, '$0.05'],
    [48_332, '$483.32'],
    [100_000_000, '$1,000,000.00'],
    [-1_200, '-$12.00'],
    [-0.4, '$0.00'],
    [1_234.5, '$12.35'],
  ])('%i cents reads %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});
