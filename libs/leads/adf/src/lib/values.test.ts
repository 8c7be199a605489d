import { describe, expect, it } from 'vitest';
import { splitFullName } from './person-name';
import { dollarsToCents, toIsoUtc, toWholeNumber, toYear } from './values';

describe('toIsoUtc', () => {
  it.each([
    ['2026-11-20T08:30:00-05:00', '2026-11-20T13:30:00.000Z'],
    ['2026-11-20T08:30:00-0500', '2026-11-20T13:30:00.000Z'],
    ['2026-11-20T08:30:00+05:30', '2026-11-20T03:00:00.000Z'],
    ['2026-11-20T08:30:00Z', '2026-11-20T08:30:00.000Z'],
    ['2026-11-20 08:30:00', '2026-11-20T08:30:00.000Z'],
    ['2026-11-20T08:30', '2026-11-20T08:30:00.000Z'],
    ['2026-11-20T08:30:00.1234+00:00', '2026-11-20T08:30:00.123Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2024-02-29T23:59:59-01:00', '2024-03-01T00:59:59.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(toIsoUtc(input)).toBe(expected);
  });

  it.each([
    '11/20/2026',
    '2026-02-30',
    '2026-13-01',
    '2026-11-20T25:00:00',
    'tomorrow',
    '',
    '2026-11-20T08:30:00 EST',
  ])('gives null for %j', (input) => {
    expect(toIsoUtc(input)).toBeNull();
  });
});

describe('dollarsToCents', () => {
  it.each([
    ['24995', 2_499_500],
    ['24,995', 2_499_500],
    ['$24,995.50', 2_499_550],
    ['24995.5', 2_499_550],
    ['USD 100.99', 10_099],
    ['19.995', 2000],
    ['0.285', 29],
    ['0', 0],
  ])('%s → %d', (input, expected) => {
    expect(dollarsToCents(input)).toBe(expected);
  });

  it.each(['-100', 'call for price', '24.995,00', '1,2345', ''])('gives null for %j', (input) => {
    expect(dollarsToCents(input)).toBeNull();
  });
});

describe('numbers', () => {
  it('reads whole numbers with thousands separators, rounding decimals', () => {
    expect(toWholeNumber('30,211')).toBe(30211);
    expect(toWholeNumber('30211.6')).toBe(30212);
    expect(toWholeNumber('about 30k')).toBeNull();
    expect(toWholeNumber('3,02,11')).toBeNull();
  });

  it('reads four-digit years only', () => {
    expect(toYear(' 2021 ')).toBe(2021);
    expect(toYear('21')).toBeNull();
    expect(toYear('2021.0')).toBeNull();
  });
});

describe('splitFullName', () => {
  it.each([
    ['Jane Doe', 'Jane', 'Doe'],
    ['Mary Ann Smith', 'Mary Ann', 'Smith'],
    ['Doe, Jane', 'Jane', 'Doe'],
    ['Juan de la Cruz', 'Juan', 'de la Cruz'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['John Smith Jr.', 'John', 'Smith Jr.'],
    ['Cher', 'Cher', null],
  ])('%s → %s / %s', (full, first, last) => {
    expect(splitFullName(full)).toEqual({ firstName: first, lastName: last });
  });
});
