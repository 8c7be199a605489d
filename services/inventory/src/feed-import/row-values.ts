import {
  checkYearAgainstVin,
  normalizeVin,
  VehicleUpdateSchema,
  type BodyStyle,
  type ColumnMapping,
  type Drivetrain,
  type FuelType,
  type ImportField,
  type VehicleCondition,
  type VehicleUpdateParsed,
} from '@showroom/contracts';
import { headerKey } from './presets';

export interface RowIssue {
  line: number;
  field: ImportField | null;
  reason: string;
  severity: 'error' | 'warning';
  vin: string | null;
}

/** A row read with the mapping: the vehicle's values (mapped fields only), or why it is skipped. */
export interface ReadRow {
  line: number;
  /** The normalized VIN when the row has a well-formed one (even if the row is skipped otherwise). */
  vin: string | null;
  /** Present when the row can be imported; absent fields are not in the file. */
  values?: VehicleUpdateParsed & { vin: string };
  /** The row's photo URLs when the file maps a photos column. */
  photos: string[] | null;
  issues: RowIssue[];
}

/** Reading of one column's text; throws a FieldError with the reason when the text is not a value. */
class FieldError extends Error {}

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

function refuseScientific(text: string): void {
  if (SCIENTIFIC.test(text)) {
    throw new FieldError(
      `"${text}" is in scientific notation (a spreadsheet reformatted the number); format the column as text before exporting`,
    );
  }
}

/** Money marks of currencies other than the dealership's (US dollars), as files write them. */
const FOREIGN_CURRENCY = /^(cad|ca\$|c\$|eur|€|gbp|£|mxn|mx\$|aud|au\$)\s*|\s*(cad|eur|€|gbp|£|mxn|aud)$/i;

/**
 * A price in US dollars as spreadsheets write it: "$12,995.00", "12995", "USD 31 500". Zero means
 * no price (call for price). Another currency (CA$, CAD, €, £ …) is refused, not read as dollars.
 */
export function parseMoneyCents(text: string): number | null {
  refuseScientific(text);
  const foreign = FOREIGN_CURRENCY.exec(text.trim());
  if (foreign) {
    const mark = (foreign[1] ?? foreign[2] ?? '').trim();
    throw new FieldError(
      `"${text}" is in another currency (${mark}); the dealership's prices are in US dollars, so convert it in the file`,
    );
  }
  const cleaned = text.replace(/^(usd|us\$|\$)\s*/i, '').replace(/\s*usd$/i, '');
  const digits = cleaned.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(digits)) throw new FieldError(`"${text}" is not an amount`);
  const cents = Math.round(Number(digits) * 100);
  return cents === 0 ? null : cents;
}

const KM_PER_MILE = 1.609344;

/**
 * Mileage in miles as spreadsheets write it: "45,000", "45000 mi"; kilometres ("72,420 km") are
 * converted, rounded, and `converted` says from what.
 */
export function parseMileage(text: string): { miles: number; km: number | null } {
  const km = /^(.*?)\s*(km|kms|kilometers|kilometres)$/i.exec(text.trim());
  if (!km) return { miles: parseWholeNumber(text), km: null };
  const kilometres = parseWholeNumber(km[1] ?? '');
  return { miles: Math.round(kilometres / KM_PER_MILE), km: kilometres };
}

/** A whole number as spreadsheets write it: "45,000", "45000 mi", "45000.0". */
export function parseWholeNumber(text: string): number {
  refuseScientific(text);
  const digits = text.replace(/\s*(mi|miles)$/i, '').replace(/[,\s]/g, '');
  if (!/^\d+(\.0+)?$/.test(digits)) throw new FieldError(`"${text}" is not a whole number`);
  return Number.parseInt(digits, 10);
}

const lookup =
  <T extends string>(table: Record<string, T>, what: string) =>
  (text: string): T => {
    const key = text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    const exact = table[key];
    if (exact) return exact;
    const partial = Object.keys(table).find((name) => ` ${key} `.includes(` ${name} `));
    if (partial) return table[partial] as T;
    throw new FieldError(`"${text}" is not a ${what} we know`);
  };

const parseCondition = lookup<VehicleCondition>(
  {
    new: 'new',
    n: 'new',
    used: 'used',
    u: 'used',
    'pre owned': 'used',
    certified: 'certified',
    cpo: 'certified',
    c: 'certified',
  },
  'condition (new, used or certified)',
);
const parseBodyStyle = lookup<BodyStyle>(
  {
    sedan: 'sedan',
    coupe: 'coupe',
    convertible: 'convertible',
    hatchback: 'hatchback',
    wagon: 'wagon',
    suv: 'suv',
    'sport utility': 'suv',
    crossover: 'suv',
    pickup: 'pickup',
    truck: 'pickup',
    'crew cab': 'pickup',
    minivan: 'minivan',
    van: 'van',
    other: 'other',
  },
  'body style',
);
const parseDrivetrain = lookup<Drivetrain>(
  {
    fwd: 'fwd',
    'front wheel drive': 'fwd',
    rwd: 'rwd',
    'rear wheel drive': 'rwd',
    awd: 'awd',
    'all wheel drive': 'awd',
    '4wd': '4wd',
    '4x4': '4wd',
    'four wheel drive': '4wd',
  },
  'drivetrain',
);
const parseTransmission = lookup<'automatic' | 'manual' | 'cvt' | 'dct'>(
  {
    automatic: 'automatic',
    auto: 'automatic',
    manual: 'manual',
    cvt: 'cvt',
    dct: 'dct',
    'dual clutch': 'dct',
  },
  'transmission',
);
const parseFuelType = lookup<FuelType>(
  {
    gasoline: 'gasoline',
    gas: 'gasoline',
    petrol: 'gasoline',
    unleaded: 'gasoline',
    diesel: 'diesel',
    'plug in hybrid': 'plug_in_hybrid',
    phev: 'plug_in_hybrid',
    hybrid: 'hybrid',
    electric: 'electric',
    ev: 'electric',
    'flex fuel': 'flex_fuel',
    e85: 'flex_fuel',
  },
  'fuel type',
);

/**
 * Photo URLs in one cell, separated by |, ; or spaces, or by a comma only where the next link
 * starts: commas inside a link are its own (Cloudinary's …/c_fill,w_640/…).
 */
export function splitPhotoUrls(text: string): { urls: string[]; refused: string[] } {
  const parts = text
    .split(/[|;\s]+|,\s*(?=https?:\/\/)/i)
    .map((part) => part.replace(/^,+|,+$/g, ''))
    .filter((part) => part.length > 0);
  const urls: string[] = [];
  const refused: string[] = [];
  for (const part of parts) {
    if (/^https?:\/\/[^\s]+$/i.test(part) && URL.canParse(part)) {
      if (!urls.includes(part)) urls.push(part);
    } else refused.push(part);
  }
  return { urls, refused };
}

/** The contract's field names, in the words of the import's fields. */
const IMPORT_FIELD_OF: Record<string, ImportField> = { priceCents: 'price', msrpCents: 'msrp' };

/** Columns (by header key) → their index in a record, for a header row. */
export type ColumnIndex = Map<ImportField, number>;

export function indexColumns(mapping: ColumnMapping, headers: readonly string[]): ColumnIndex {
  const positions = new Map(headers.map((header, i) => [headerKey(header), i] as const));
  const index: ColumnIndex = new Map();
  for (const [field, column] of Object.entries(mapping) as Array<[ImportField, string | null]>) {
    const at = column ? positions.get(headerKey(column)) : undefined;
    if (at !== undefined) index.set(field, at);
  }
  return index;
}

const UpdateWithYearCheck = VehicleUpdateSchema.superRefine(checkYearAgainstVin);

/**
 * Reads one record with the mapping: numbers as spreadsheets write them, words such as "Sport
 * Utility" for the vocabulary, then the vehicle rules (VIN check digit and model year, lengths,
 * ranges). A bad value in a required field or a rule broken skips the row; an unknown word in a
 * descriptive field (body style, fuel …) is left empty with a warning.
 */
export function readRow(line: number, record: readonly string[], columns: ColumnIndex): ReadRow {
  const issues: RowIssue[] = [];
  const cell = (field: ImportField): string | undefined => {
    const at = columns.get(field);
    return at === undefined ? undefined : (record[at] ?? '').trim();
  };
  const rawVin = cell('vin') ?? '';
  const vin = /^[A-Za-z0-9]{17}$/.test(rawVin) ? normalizeVin(rawVin) : null;
  const issue = (field: ImportField | null, reason: string, severity: RowIssue['severity'] = 'error') =>
    issues.push({ line, field, reason, severity, vin: vin ?? (rawVin.slice(0, 40) || null) });

  const candidate: Record<string, unknown> = {};
  const read = <T>(
    field: ImportField,
    key: string,
    parse: (text: string) => T,
    onUnknown: 'error' | 'warning',
  ) => {
    const text = cell(field);
    if (text === undefined) return;
    if (text === '') {
      candidate[key] = null;
      return;
    }
    try {
      candidate[key] = parse(text);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      issue(field, onUnknown === 'warning' ? `${error.message}; left empty` : error.message, onUnknown);
      if (onUnknown === 'warning') candidate[key] = null;
    }
  };

  for (const field of ['vin', 'year', 'make', 'model'] as const) {
    if (!cell(field)) issue(field, 'is required but empty');
  }
  if (rawVin) candidate['vin'] = rawVin;
  read('year', 'year', parseWholeNumber, 'error');
  read('make', 'make', (text) => text, 'error');
  read('model', 'model', (text) => text, 'error');
  read('stockNumber', 'stockNumber', (text) => (refuseScientific(text), text), 'error');
  read('condition', 'condition', parseCondition, 'error');
  read('trim', 'trim', (text) => text, 'error');
  read('bodyStyle', 'bodyStyle', parseBodyStyle, 'warning');
  read('drivetrain', 'drivetrain', parseDrivetrain, 'warning');
  read('transmission', 'transmission', parseTransmission, 'warning');
  read('fuelType', 'fuelType', parseFuelType, 'warning');
  read('engine', 'engine', (text) => text, 'error');
  read('exteriorColor', 'exteriorColor', (text) => text, 'error');
  read('interiorColor', 'interiorColor', (text) => text, 'error');
  read(
    'mileage',
    'mileage',
    (text) => {
      const { miles, km } = parseMileage(text);
      if (km !== null) issue('mileage', `${km} km converted to ${miles} miles`, 'warning');
      return miles;
    },
    'error',
  );
  read('price', 'priceCents', parseMoneyCents, 'error');
  read('msrp', 'msrpCents', parseMoneyCents, 'error');
  read('description', 'description', (text) => text, 'error');
  // Blank stock numbers and conditions are the import's to choose; no mileage is 0 only on a new car.
  if (candidate['stockNumber'] === null) delete candidate['stockNumber'];
  if (candidate['condition'] === null) delete candidate['condition'];
  if (candidate['mileage'] === null) {
    if (candidate['condition'] === 'new') candidate['mileage'] = 0;
    else {
      delete candidate['mileage'];
      issue('mileage', 'is required for a used car but empty');
    }
  }

  let photos: string[] | null = null;
  const photoCell = cell('photos');
  if (photoCell !== undefined) {
    const { urls, refused } = splitPhotoUrls(photoCell);
    photos = urls;
    for (const part of refused.slice(0, 3)) {
      issue('photos', `"${part.slice(0, 80)}" is not an http(s) URL; left out`, 'warning');
    }
  }

  if (issues.some((i) => i.severity === 'error')) return { line, vin, photos, issues };
  const parsed = UpdateWithYearCheck.safeParse(candidate);
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      const key = String(zodIssue.path[0] ?? '');
      const field = (IMPORT_FIELD_OF[key] ?? (key || null)) as ImportField | null;
      issue(field, zodIssue.message);
    }
    return { line, vin, photos, issues };
  }
  return { line, vin, values: parsed.data as VehicleUpdateParsed & { vin: string }, photos, issues };
}
