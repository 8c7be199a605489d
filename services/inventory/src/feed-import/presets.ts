import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ColumnMapping,
  type ImportField,
  type ImportPreset,
} from '@showroom/contracts';

/** Headers compare as a dealer reads them: case, surrounding and repeated spaces do not matter. */
export const headerKey = (header: string): string => header.trim().replace(/\s+/g, ' ').toLowerCase();

/** The layouts dealers' files come in: our own export, and the inventory tools' exports we see most. */
export const IMPORT_PRESETS: readonly ImportPreset[] = [
  {
    id: 'showroom',
    name: 'Showroom CSV',
    description: 'The layout of Showroom’s own inventory export and template.',
    mapping: {
      vin: 'VIN',
      stockNumber: 'Stock Number',
      condition: 'Condition',
      year: 'Year',
      make: 'Make',
      model: 'Model',
      trim: 'Trim',
      bodyStyle: 'Body Style',
      drivetrain: 'Drivetrain',
      transmission: 'Transmission',
      fuelType: 'Fuel Type',
      engine: 'Engine',
      exteriorColor: 'Exterior Color',
      interiorColor: 'Interior Color',
      mileage: 'Mileage',
      price: 'Price',
      msrp: 'MSRP',
      description: 'Description',
      photos: 'Photos',
    },
  },
  {
    id: 'homenet',
    name: 'HomeNet IOL export',
    description: 'HomeNet’s inventory export (Type, Stock, SellingPrice, Miles, ImageList …).',
    mapping: {
      vin: 'VIN',
      stockNumber: 'Stock',
      condition: 'Type',
      year: 'Year',
      make: 'Make',
      model: 'Model',
      trim: 'Trim',
      bodyStyle: 'Body',
      drivetrain: 'Drivetrain',
      transmission: 'Transmission',
      fuelType: 'Fuel_Type',
      engine: 'EngineDescription',
      exteriorColor: 'ExteriorColor',
      interiorColor: 'InteriorColor',
      mileage: 'Miles',
      price: 'SellingPrice',
      msrp: 'MSRP',
      description: 'Description',
      photos: 'ImageList',
    },
  },
  {
    id: 'vauto',
    name: 'vAuto inventory export',
    description: 'vAuto’s Provision export (Stock #, New/Used, Series, Odometer, Photo URLs …).',
    mapping: {
      vin: 'VIN',
      stockNumber: 'Stock #',
      condition: 'New/Used',
      year: 'Year',
      make: 'Make',
      model: 'Model',
      trim: 'Series',
      bodyStyle: 'Body',
      drivetrain: 'Drive Type',
      transmission: 'Transmission',
      fuelType: 'Fuel',
      engine: 'Engine',
      exteriorColor: 'Color',
      interiorColor: 'Interior Color',
      mileage: 'Odometer',
      price: 'Price',
      msrp: 'MSRP',
      description: 'Vehicle Description',
      photos: 'Photo URLs',
    },
  },
  {
    id: 'dealertrack',
    name: 'Dealertrack DMS export',
    description: 'A Dealertrack inventory extract (StockNo, NewUsed, ModelYear, Odom, InternetPrice …).',
    mapping: {
      vin: 'VIN',
      stockNumber: 'StockNo',
      condition: 'NewUsed',
      year: 'ModelYear',
      make: 'Make',
      model: 'Model',
      trim: 'TrimLevel',
      bodyStyle: 'BodyStyle',
      drivetrain: 'DriveTrain',
      transmission: 'Trans',
      fuelType: 'FuelType',
      engine: 'EngineDesc',
      exteriorColor: 'ExtColor',
      interiorColor: 'IntColor',
      mileage: 'Odom',
      price: 'InternetPrice',
      msrp: 'Msrp',
      description: 'Comments',
      photos: 'PhotoUrls',
    },
  },
];

const fieldsOf = (mapping: ColumnMapping) =>
  IMPORT_FIELDS.filter((field) => mapping[field]).map((field) => [field, mapping[field] as string] as const);

/** Whether every column `mapping` names is in the header row, which then can be read with it. */
export function mappingFits(mapping: ColumnMapping, headers: readonly string[]): boolean {
  const present = new Set(headers.map(headerKey));
  return fieldsOf(mapping).every(([, column]) => present.has(headerKey(column)));
}

/**
 * The preset a header row is in: the one whose columns make up most of the file's (at least 80%,
 * every required one among them). Files leave out optional columns and add their own, so neither
 * side has to be complete.
 */
export function detectPreset(headers: readonly string[]): ImportPreset | null {
  const present = [...new Set(headers.map(headerKey).filter((key) => key !== ''))];
  let best: { preset: ImportPreset; matched: number } | null = null;
  for (const preset of IMPORT_PRESETS) {
    const columns = new Set(fieldsOf(preset.mapping).map(([, column]) => headerKey(column)));
    if (
      !REQUIRED_IMPORT_FIELDS.every((field) => present.includes(headerKey(preset.mapping[field] as string)))
    ) {
      continue;
    }
    const matched = present.filter((key) => columns.has(key)).length;
    if (matched / present.length >= 0.8 && (!best || matched > best.matched)) best = { preset, matched };
  }
  return best?.preset ?? null;
}

/** Other names fields go by in files, besides the presets' columns. */
const ALIASES: Partial<Record<ImportField, string[]>> = {
  stockNumber: ['stock no', 'stock_number', 'stocknumber', 'stk'],
  condition: ['new/used', 'status', 'vehicle condition'],
  mileage: ['odometer', 'miles', 'kilometers', 'km'],
  price: ['internet price', 'sale price', 'list price', 'asking price'],
  exteriorColor: ['color', 'colour', 'exterior colour', 'ext color'],
  interiorColor: ['interior colour', 'int color'],
  photos: ['images', 'image urls', 'photo urls', 'pictures'],
};

/**
 * A mapping for a header row, and the preset the header row is in (if any). Each field gets the
 * column the saved mapping names when the file has all the saved mapping's columns, else the
 * detected preset's column, else a column going by one of the field's known names.
 */
export function suggestMapping(
  headers: readonly string[],
  saved: ColumnMapping | null,
): { presetId: string | null; mapping: Partial<Record<ImportField, string | null>> } {
  const detected = detectPreset(headers);
  const byKey = new Map(headers.map((header) => [headerKey(header), header]));
  const fromSaved = saved && mappingFits(saved, headers) ? saved : {};
  const knownNames = (field: ImportField) => [
    fromSaved[field],
    ...(detected ? [detected.mapping[field]] : []),
    ...IMPORT_PRESETS.map((preset) => preset.mapping[field]),
    ...(ALIASES[field] ?? []),
  ];
  const mapping: Partial<Record<ImportField, string | null>> = {};
  for (const field of IMPORT_FIELDS) {
    const found = knownNames(field)
      .filter((name): name is string => typeof name === 'string')
      .map((name) => byKey.get(headerKey(name)))
      .find((header) => header !== undefined);
    mapping[field] = found ?? null;
  }
  return { presetId: detected?.id ?? null, mapping };
}
