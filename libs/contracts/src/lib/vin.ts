/**
 * Offline VIN checks and decoding for North American VINs (ISO 3779 / 49 CFR 565).
 * Everything here is pure and table-driven; nothing calls out to a decoding service.
 */

export interface VinDecoding {
  /** The normalized input (trimmed, upper-cased), whether valid or not. */
  vin: string;
  valid: boolean;
  /** Why the VIN is invalid, worded for a dealer; null when valid. */
  problem: string | null;
  /** World manufacturer identifier, positions 1–3; null when those are not three VIN characters. */
  wmi: string | null;
  manufacturer: string | null;
  make: string | null;
  country: string | null;
  /** The model year when exactly one candidate remains, else null. */
  modelYear: number | null;
  candidateModelYears: number[];
}

const VIN_LENGTH = 17;
const CHECK_DIGIT_POSITION = 9;
const MODEL_YEAR_POSITION = 10;
/** For cars and light trucks, a letter here means the 2010–2039 year cycle, a digit the 1980–2009 one. */
const CYCLE_POSITION = 7;
const FIRST_VIN_MODEL_YEAR = 1981;

// Digits stand for themselves; I, O and Q never occur in a VIN.
// prettier-ignore
const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
  0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Position-10 codes in cycle order: A = 1980 (or 2010), ..., Y = 2000 (or 2030), 1 = 2001 (or 2031), ... */
const MODEL_YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';
const EARLIER_CYCLE_START = 1980;
const LATER_CYCLE_START = 2010;

/** ISO 3780 order of the second WMI character, used for the country ranges below. */
const REGION_ORDER = 'ABCDEFGHJKLMNPRSTUVWXYZ1234567890';

/** Country ranges over the first two characters (ISO 3780), limited to the makers we sell. */
const COUNTRY_RANGES: ReadonlyArray<readonly [from: string, to: string, country: string]> = [
  ['1A', '10', 'United States'],
  ['4A', '40', 'United States'],
  ['5A', '50', 'United States'],
  ['2A', '20', 'Canada'],
  ['3A', '3W', 'Mexico'],
  ['7A', '7E', 'New Zealand'],
  // Since 1, 4 and 5 ran out, SAE assigns 7F–70 to US makers (Tesla 7SA, Rivian 7PD, Honda 7FA).
  ['7F', '70', 'United States'],
  ['JA', 'J0', 'Japan'],
  ['KL', 'KR', 'South Korea'],
  ['LA', 'L0', 'China'],
  ['ML', 'MR', 'Thailand'],
  ['NL', 'NR', 'Turkey'],
  ['SA', 'SM', 'United Kingdom'],
  ['WA', 'W0', 'Germany'],
  ['YF', 'YK', 'Finland'],
  ['YS', 'YW', 'Sweden'],
  ['ZA', 'ZR', 'Italy'],
];

interface Maker {
  manufacturer: string;
  /** Null when the WMI is shared by several brands and the rest of the VIN does not tell them apart. */
  make: string | null;
}

/** [manufacturer, make, WMIs separated by spaces]; commonly documented WMIs of makes sold in North America. */
const WMIS_BY_MAKE: ReadonlyArray<readonly [manufacturer: string, make: string | null, wmis: string]> = [
  ['Honda', 'Acura', '19U 2HN 5J8 JH4'],
  ['Honda', 'Honda', '19X 1HG 2HG 2HJ 2HK 3CZ 3HG 5FN 5FP 5J6 7FA JHL JHM SHH SHS'],
  ['Toyota', 'Toyota', '2T1 2T3 3TM 4T1 4T3 4T4 5TD 5TF 5YF JT2 JT3 JTD JTE JTM JTN'],
  ['Toyota', 'Lexus', '2T2 58A JT6 JT8 JTH JTJ'],
  // JN1, JN8 and 5N1 also carry a few Infiniti models (Q50, QX60, QX80); Nissan is by far the usual case.
  ['Nissan', 'Nissan', '1N4 1N6 3N1 5N1 JN1 JN8'],
  ['Nissan', 'Infiniti', '3PC 5N3 JNK JNR'],
  ['Renault Korea', 'Nissan', 'KNM'],
  ['Hyundai', 'Hyundai', '5NM 5NP 5NT KM8 KMH'],
  ['Hyundai', 'Genesis', 'KMT KMU'],
  ['Kia', 'Kia', '3KP 5XX 5XY KNA KND'],
  ['Mazda', 'Mazda', '1YV 3MV 3MZ 7MM JM1 JM3'],
  ['Subaru', 'Subaru', '4S3 4S4 JF1 JF2'],
  ['Mitsubishi', 'Mitsubishi', '4A3 4A4 JA3 JA4 ML3'],
  ['General Motors', 'Chevrolet', '1G1 1GB 1GC 1GN 2G1 2GC 2GN 3G1 3GC 3GN KL1 KL7 KL8'],
  ['General Motors', 'GMC', '1GD 1GK 1GT 2GK 2GT 3GK 3GT'],
  ['General Motors', 'Buick', '1G4 2G4 5GA KL4 LRB'],
  ['General Motors', 'Cadillac', '1G6 1GY'],
  ['Ford Motor Company', 'Ford', '1FA 1FB 1FD 1FM 1FT 2FA 2FM 3FA 3FM 3FT NM0'],
  ['Ford Motor Company', 'Lincoln', '1LN 2LM 3LN 5LM'],
  ['Stellantis', 'Chrysler', '2A4 2A8 3A4'],
  ['Stellantis', 'Dodge', '1B3 1B7 1D4 1D7 2B3 2D4 3D7'],
  ['Stellantis', 'Jeep', '1J4 1J8'],
  ['Stellantis', 'Fiat', 'ZFA'],
  ['Stellantis', 'Alfa Romeo', 'ZAR ZAS'],
  ['Stellantis', 'Maserati', 'ZAM ZN6'],
  // Brand-coded since model year 2012 (see FCA_BRAND_CODED_WMIS); make is the brand before that, if one.
  ['Stellantis', 'Chrysler', '1C3 2C3'],
  ['Stellantis', null, '1C4 2C4 3C4 ZAC'],
  ['Stellantis', 'Ram', '1C6 3C6 3C7'],
  ['Stellantis', 'Fiat', '3C3 ZFB'],
  ['BMW', 'BMW', '4US 5UX 5YM WBA WBS WBX WBY'],
  ['BMW', 'Mini', 'WMW WMZ'],
  ['Mercedes-Benz', 'Mercedes-Benz', '4JG 55S W1K W1N WD3 WDB WDC WDD'],
  ['Volkswagen', 'Volkswagen', '1V2 1VW 3VV 3VW WV2 WVG WVW'],
  ['Audi', 'Audi', 'WA1 WAU WUA'],
  ['Porsche', 'Porsche', 'WP0 WP1'],
  ['Volvo Cars', 'Volvo', '7JR LYV YV1 YV4'],
  ['Polestar', 'Polestar', 'LPS'],
  ['Jaguar Land Rover', 'Jaguar', 'SAD SAJ'],
  ['Jaguar Land Rover', 'Land Rover', 'SAL'],
  ['Tesla', 'Tesla', '5YJ 7G2 7SA LRW'],
  ['Rivian', 'Rivian', '7PD'],
  ['Lucid', 'Lucid', '50E'],
];

const MAKERS_BY_WMI: ReadonlyMap<string, Maker> = buildWmiTable(WMIS_BY_MAKE);

/**
 * From model year 2012 on, FCA US (Chrysler) assigns WMIs by vehicle type rather than brand
 * (a 1C4 is a Jeep Cherokee or a Dodge Durango), and position 5 carries the brand.
 */
const FCA_BRAND_CODED_WMIS: ReadonlySet<string> = new Set(
  '1C3 1C4 1C6 2C3 2C4 3C3 3C4 3C6 3C7 ZAC ZFB'.split(' '),
);
const FCA_BRAND_AT_POSITION_5: Readonly<Record<string, string>> = {
  C: 'Chrysler',
  D: 'Dodge',
  F: 'Fiat',
  J: 'Jeep',
  R: 'Ram',
};
const FCA_BRAND_CODES_SINCE = 2012;

/** Trims and upper-cases what a dealer typed or scanned; nothing else (no letter swapping). */
export function normalizeVin(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * Why a normalized VIN is not valid, as a short reason for a dealer, or null when it is valid.
 * Reasons are checked in this order: length, the letters I/O/Q, other characters, check digit.
 */
export function vinProblem(vin: string): string | null {
  // Array.from counts characters, not UTF-16 units, so an emoji is one character in the message.
  const chars = Array.from(vin);
  if (chars.length !== VIN_LENGTH) return `must be ${VIN_LENGTH} characters (got ${chars.length})`;

  const forbidden = chars.findIndex((c) => c === 'I' || c === 'O' || c === 'Q');
  if (forbidden >= 0) {
    return `must not contain the letters I, O or Q (found ${chars[forbidden]} at position ${forbidden + 1})`;
  }

  const bad = chars.findIndex((c) => !isVinCharacter(c));
  if (bad >= 0) {
    const c = chars[bad];
    const where = `found '${c}' at position ${bad + 1}`;
    // Only reachable when the caller skipped normalizeVin.
    if (/^[a-z]$/.test(c)) return `letters must be capitals (${where})`;
    return `may contain only letters and digits (${where})`;
  }

  const expected = vinCheckDigit(vin);
  const actual = vin[CHECK_DIGIT_POSITION - 1];
  if (actual !== expected) {
    return `check digit is ${expected} but position ${CHECK_DIGIT_POSITION} holds ${actual}`;
  }
  return null;
}

/**
 * The check digit ('0'–'9' or 'X') that position 9 of this VIN should hold.
 * Position 9 itself is ignored, so it may hold anything; every other character must be a VIN character.
 * @throws RangeError when the VIN is not 17 characters or holds a character a VIN cannot have.
 */
export function vinCheckDigit(vin: string): string {
  if (vin.length !== VIN_LENGTH) {
    throw new RangeError(`vinCheckDigit needs ${VIN_LENGTH} characters, got ${vin.length}`);
  }
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    if (i === CHECK_DIGIT_POSITION - 1) continue;
    const value = TRANSLITERATION[vin[i]];
    if (value === undefined) {
      throw new RangeError(`vinCheckDigit: '${vin[i]}' at position ${i + 1} is not a VIN character`);
    }
    sum += value * WEIGHTS[i];
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/**
 * Decodes what can be read offline: validity, WMI, manufacturer, make, country and model year.
 * The input is normalized first. For an invalid VIN the WMI fields are still filled when its first
 * three characters are VIN characters, and the model year when it is 17 characters long.
 * @param referenceYear the latest model year allowed is referenceYear + 1; defaults to the current UTC year.
 */
export function decodeVin(vin: string, referenceYear: number = new Date().getUTCFullYear()): VinDecoding {
  const normalized = normalizeVin(vin);
  const problem = vinProblem(normalized);
  const candidateModelYears = modelYearCandidates(normalized, referenceYear);
  const wmi = readWmi(normalized);
  const maker = wmi === null ? undefined : MAKERS_BY_WMI.get(wmi);
  return {
    vin: normalized,
    valid: problem === null,
    problem,
    wmi,
    manufacturer: maker?.manufacturer ?? null,
    make: maker && wmi ? makeOf(wmi, maker, normalized, candidateModelYears) : null,
    country: wmi === null ? null : countryOf(wmi),
    modelYear: candidateModelYears.length === 1 ? candidateModelYears[0] : null,
    candidateModelYears,
  };
}

function isVinCharacter(c: string): boolean {
  return TRANSLITERATION[c] !== undefined;
}

function readWmi(vin: string): string | null {
  const wmi = vin.slice(0, 3);
  return wmi.length === 3 && Array.from(wmi).every(isVinCharacter) ? wmi : null;
}

function modelYearCandidates(vin: string, referenceYear: number): number[] {
  if (Array.from(vin).length !== VIN_LENGTH) return [];
  // 0, U and Z are not model-year codes (and I, O, Q are not VIN characters at all).
  const index = MODEL_YEAR_CODES.indexOf(vin[MODEL_YEAR_POSITION - 1]);
  if (index < 0) return [];

  const cycleMarker = vin[CYCLE_POSITION - 1];
  const earlier = EARLIER_CYCLE_START + index;
  const later = LATER_CYCLE_START + index;
  // The rule is only defined for a letter or a digit; for anything else both cycles stay possible.
  const years = /^[A-Z]$/.test(cycleMarker)
    ? [later]
    : /^[0-9]$/.test(cycleMarker)
      ? [earlier]
      : [earlier, later];
  return years.filter((year) => year >= FIRST_VIN_MODEL_YEAR && year <= referenceYear + 1);
}

function makeOf(wmi: string, maker: Maker, vin: string, candidateModelYears: number[]): string | null {
  const brandCoded =
    FCA_BRAND_CODED_WMIS.has(wmi) &&
    candidateModelYears.length === 1 &&
    candidateModelYears[0] >= FCA_BRAND_CODES_SINCE;
  return (brandCoded ? FCA_BRAND_AT_POSITION_5[vin[4]] : undefined) ?? maker.make;
}

function countryOf(wmi: string): string | null {
  const region = wmi[0];
  const rank = REGION_ORDER.indexOf(wmi[1]);
  const range = COUNTRY_RANGES.find(
    ([from, to]) =>
      from[0] === region && rank >= REGION_ORDER.indexOf(from[1]) && rank <= REGION_ORDER.indexOf(to[1]),
  );
  return range ? range[2] : null;
}

function buildWmiTable(rows: typeof WMIS_BY_MAKE): Map<string, Maker> {
  const table = new Map<string, Maker>();
  for (const [manufacturer, make, wmis] of rows) {
    for (const wmi of wmis.split(' ')) {
      // A data-entry slip here would silently shadow another make, so fail loudly instead.
      if (table.has(wmi)) throw new Error(`WMI ${wmi} is listed twice`);
      table.set(wmi, { manufacturer, make });
    }
  }
  return table;
}
