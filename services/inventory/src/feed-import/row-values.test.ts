import { describe, expect, it } from 'vitest';
import { freshVin } from '../test/vehicle-fixtures';
import { detectPreset, suggestMapping } from './presets';
import {
  indexColumns,
  parseMileage,
  parseMoneyCents,
  parseWholeNumber,
  readRow,
  splitPhotoUrls,
} from './row-values';

describe('values as spreadsheets write them', () => {
  it.each([
    ['$12,995.00', 1_299_500],
    ['12995', 1_299_500],
    ['USD 31 500', 3_150_000],
    ['31500 USD', 3_150_000],
    ['0', null],
  ])('price %s', (text, cents) => expect(parseMoneyCents(text)).toBe(cents));

  it.each(['1.2995E+04', '12,99x', '-5'])('refuses the price %s', (text) =>
    expect(() => parseMoneyCents(text)).toThrow(),
  );

  it.each(['CA$ 31 500', '31,500 CAD', 'C$31500', '€ 29.900', '£25,000'])(
    'refuses the price %s in another currency than the dealership’s US dollars, saying so',
    (text) => expect(() => parseMoneyCents(text)).toThrow(/another currency .*US dollars/),
  );

  it('converts kilometres to miles (rounded) and says from what; miles stay', () => {
    expect(parseMileage('72,420 km')).toEqual({ miles: 45_000, km: 72_420 });
    expect(parseMileage('45,000 mi')).toEqual({ miles: 45_000, km: null });
    expect(() => parseWholeNumber('45000 km')).toThrow();
  });

  it('keeps commas inside a photo link (Cloudinary, imgix) and splits on a comma only before the next link', () =>
    expect(
      splitPhotoUrls(
        'https://res.cloudinary.com/d/image/upload/c_fill,w_640/car.jpg,https://img.example/a.jpg?w=1,2, http://x/b.jpg',
      ).urls,
    ).toEqual([
      'https://res.cloudinary.com/d/image/upload/c_fill,w_640/car.jpg',
      'https://img.example/a.jpg?w=1,2',
      'http://x/b.jpg',
    ]));

  it.each([
    ['45,000', 45_000],
    ['45000 mi', 45_000],
    ['45000.0', 45_000],
  ])('mileage %s', (text, miles) => expect(parseWholeNumber(text)).toBe(miles));

  it('refuses a number Excel put in scientific notation, saying so', () =>
    expect(() => parseWholeNumber('4.5E+04')).toThrow(/scientific notation/));

  it('splits photo links on | ; spaces and commas between links, keeping each once and naming what is not a link', () =>
    expect(splitPhotoUrls('http://a/1.jpg|https://a/2.jpg; http://a/1.jpg , ftp://x  img3.jpg')).toEqual({
      urls: ['http://a/1.jpg', 'https://a/2.jpg'],
      refused: ['ftp://x', 'img3.jpg'],
    }));
});

describe('presets', () => {
  it('detects a layout from its header row, whatever the case, with columns left out or added', () => {
    expect(
      detectPreset([
        'type',
        'STOCK',
        'VIN',
        'Year',
        'Make',
        'Model',
        'Trim',
        'Miles',
        'SellingPrice',
        'ImageList',
      ])?.id,
    ).toBe('homenet');
    expect(
      detectPreset(['Stock #', 'VIN', 'Year', 'Make', 'Model', 'Series', 'Odometer', 'Price', 'New/Used'])
        ?.id,
    ).toBe('vauto');
    expect(detectPreset(['A', 'B', 'VIN', 'Year', 'Make', 'Model'])).toBeNull();
  });

  it('suggests the saved mapping’s columns when the file has them all, the known names for the rest', () => {
    const saved = { vin: 'VIN', year: 'Year', make: 'Make', model: 'Model', mileage: 'KM' };
    expect(
      suggestMapping(['vin', 'year', 'make', 'model', 'km', 'Miles', 'Trim'], saved).mapping,
    ).toMatchObject({
      vin: 'vin',
      mileage: 'km',
      trim: 'Trim',
      price: null,
    });
    expect(suggestMapping(['VIN', 'Year', 'Make', 'Model', 'Miles'], saved).mapping).toMatchObject({
      mileage: 'Miles',
    });
    const guessed = suggestMapping(
      ['vin', 'model year', 'Year', 'MAKE', 'Model', 'Odometer', 'Internet Price'],
      null,
    );
    expect(guessed.presetId).toBeNull();
    expect(guessed.mapping).toMatchObject({
      vin: 'vin',
      year: 'Year',
      make: 'MAKE',
      mileage: 'Odometer',
      price: 'Internet Price',
    });
  });
});

describe('a row read with the mapping', () => {
  const headers = ['VIN', 'Year', 'Make', 'Model', 'Type', 'Miles', 'SellingPrice', 'Body', 'Fuel_Type'];
  const columns = indexColumns(
    {
      vin: 'VIN',
      year: 'Year',
      make: 'Make',
      model: 'Model',
      condition: 'type',
      mileage: 'MILES',
      price: 'SellingPrice',
      bodyStyle: 'Body',
      fuelType: 'Fuel_Type',
    },
    headers,
  );

  it('becomes the vehicle’s values, words mapped to the vocabulary', () => {
    const vin = freshVin(2022);
    const row = readRow(
      7,
      [
        vin.toLowerCase(),
        '2022',
        'Honda',
        'Accord',
        'Certified',
        '12,000',
        '$25,000',
        'Sport Utility 4D',
        'Gasoline',
      ],
      columns,
    );
    expect(row.issues).toEqual([]);
    expect(row.values).toMatchObject({
      vin,
      condition: 'certified',
      mileage: 12_000,
      priceCents: 2_500_000,
      bodyStyle: 'suv',
      fuelType: 'gasoline',
    });
  });

  it('an unknown word in a descriptive field is left empty with a warning; a new car without miles has 0', () => {
    const row = readRow(
      3,
      [freshVin(2022), '2022', 'Honda', 'Accord', 'New', '', '', 'Limousine', 'Hydrogen'],
      columns,
    );
    expect(row.values).toMatchObject({ bodyStyle: null, fuelType: null, mileage: 0, priceCents: null });
    expect(row.issues.map((i) => [i.line, i.field, i.severity])).toEqual([
      [3, 'bodyStyle', 'warning'],
      [3, 'fuelType', 'warning'],
    ]);
  });

  it('a used car without miles, a year its VIN cannot have, and an empty model are errors naming the field', () => {
    expect(
      readRow(2, [freshVin(2022), '2022', 'Honda', 'Accord', 'Used', '', '', '', ''], columns).issues[0],
    ).toMatchObject({
      field: 'mileage',
      severity: 'error',
    });
    const wrongYear = readRow(
      2,
      [freshVin(2022), '2019', 'Honda', 'Accord', 'Used', '1', '', '', ''],
      columns,
    );
    expect(wrongYear.values).toBeUndefined();
    expect(wrongYear.issues[0]).toMatchObject({
      field: 'year',
      reason: expect.stringMatching(/model-year code/),
    });
    expect(
      readRow(2, [freshVin(2022), '2022', 'Honda', ' ', 'Used', '1', '', '', ''], columns).issues[0],
    ).toMatchObject({
      field: 'model',
      reason: 'is required but empty',
    });
  });

  it('a price in Canadian dollars skips the row with the price named; kilometres become miles with a warning', () => {
    const vin = freshVin(2022);
    const cad = readRow(4, [vin, '2022', 'Honda', 'Accord', 'Used', '12,000', 'CA$ 31,500', '', ''], columns);
    expect(cad.values).toBeUndefined();
    expect(cad.issues).toEqual([
      expect.objectContaining({ field: 'price', severity: 'error', reason: expect.stringMatching(/CA\$/) }),
    ]);
    const km = readRow(5, [vin, '2022', 'Honda', 'Accord', 'Used', '72,420 km', '$31,500', '', ''], columns);
    expect(km.values).toMatchObject({ mileage: 45_000, priceCents: 3_150_000 });
    expect(km.issues).toEqual([
      expect.objectContaining({
        field: 'mileage',
        severity: 'warning',
        reason: '72420 km converted to 45000 miles',
      }),
    ]);
  });
});
