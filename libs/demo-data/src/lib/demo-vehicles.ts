import {
  STOCK_NUMBER_LETTER,
  vinCheckDigit,
  type VehicleInput,
  type VehicleCondition,
  type VehicleStatus,
} from '@showroom/contracts';

/** One model line a dealer stocks, with what its VINs look like (WMI, VDS, plant) and its price band. */
interface CatalogModel {
  make: string;
  model: string;
  wmi: string;
  /** Positions 4–8; position 7 (the 4th character here) is a letter, as for every 2010+ VIN. */
  vds: string;
  plant: string;
  bodyStyle: NonNullable<VehicleInput['bodyStyle']>;
  drivetrain: NonNullable<VehicleInput['drivetrain']>;
  transmission: NonNullable<VehicleInput['transmission']>;
  fuelType: NonNullable<VehicleInput['fuelType']>;
  engine: string;
  trims: string[];
  msrpDollars: [number, number];
}

const CATALOG: CatalogModel[] = [
  {
    make: 'Honda',
    model: 'Accord',
    wmi: '1HG',
    vds: 'CV1F3',
    plant: 'A',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'cvt',
    fuelType: 'gasoline',
    engine: '1.5L I4 Turbo',
    trims: ['LX', 'EX', 'Sport', 'Touring'],
    msrpDollars: [28_000, 39_000],
  },
  {
    make: 'Honda',
    model: 'Civic',
    wmi: '2HG',
    vds: 'FE2F5',
    plant: 'H',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'cvt',
    fuelType: 'gasoline',
    engine: '2.0L I4',
    trims: ['LX', 'Sport', 'EX', 'Touring'],
    msrpDollars: [24_000, 31_000],
  },
  {
    make: 'Toyota',
    model: 'Camry',
    wmi: '4T1',
    vds: 'G11AK',
    plant: 'U',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'automatic',
    fuelType: 'hybrid',
    engine: '2.5L I4 Hybrid',
    trims: ['LE', 'SE', 'XLE', 'XSE'],
    msrpDollars: [28_500, 37_000],
  },
  {
    make: 'Toyota',
    model: 'Highlander',
    wmi: '5TD',
    vds: 'KDRBH',
    plant: 'S',
    bodyStyle: 'suv',
    drivetrain: 'awd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '2.4L I4 Turbo',
    trims: ['LE', 'XLE', 'Limited', 'Platinum'],
    msrpDollars: [40_000, 52_000],
  },
  {
    make: 'Toyota',
    model: 'Tacoma',
    wmi: '3TM',
    vds: 'CZ5AN',
    plant: 'M',
    bodyStyle: 'pickup',
    drivetrain: '4wd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '2.4L I4 Turbo',
    trims: ['SR', 'SR5', 'TRD Off-Road', 'Limited'],
    msrpDollars: [32_000, 52_000],
  },
  {
    make: 'Ford',
    model: 'F-150',
    wmi: '1FT',
    vds: 'FW1E5',
    plant: 'F',
    bodyStyle: 'pickup',
    drivetrain: '4wd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '3.5L V6 EcoBoost',
    trims: ['XL', 'XLT', 'Lariat', 'Platinum'],
    msrpDollars: [38_000, 72_000],
  },
  {
    make: 'Ford',
    model: 'Explorer',
    wmi: '1FM',
    vds: 'SK8DH',
    plant: 'G',
    bodyStyle: 'suv',
    drivetrain: 'awd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '2.3L I4 EcoBoost',
    trims: ['Active', 'ST-Line', 'Platinum'],
    msrpDollars: [40_000, 56_000],
  },
  {
    make: 'Ford',
    model: 'Mustang',
    wmi: '1FA',
    vds: '6P8TH',
    plant: '5',
    bodyStyle: 'coupe',
    drivetrain: 'rwd',
    transmission: 'manual',
    fuelType: 'gasoline',
    engine: '5.0L V8',
    trims: ['EcoBoost', 'GT', 'Dark Horse'],
    msrpDollars: [32_000, 62_000],
  },
  {
    make: 'Chevrolet',
    model: 'Silverado 1500',
    wmi: '1GC',
    vds: 'UDEED',
    plant: 'Z',
    bodyStyle: 'pickup',
    drivetrain: '4wd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '5.3L V8',
    trims: ['WT', 'LT', 'RST', 'LTZ', 'High Country'],
    msrpDollars: [38_000, 68_000],
  },
  {
    make: 'Chevrolet',
    model: 'Malibu',
    wmi: '1G1',
    vds: 'ZD5ST',
    plant: 'F',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'cvt',
    fuelType: 'gasoline',
    engine: '1.5L I4 Turbo',
    trims: ['LS', 'RS', 'LT', '2LT'],
    msrpDollars: [25_000, 30_000],
  },
  {
    make: 'GMC',
    model: 'Sierra 1500',
    wmi: '1GT',
    vds: 'UUEEL',
    plant: 'Z',
    bodyStyle: 'pickup',
    drivetrain: '4wd',
    transmission: 'automatic',
    fuelType: 'diesel',
    engine: '3.0L I6 Duramax',
    trims: ['SLE', 'Elevation', 'SLT', 'Denali'],
    msrpDollars: [45_000, 75_000],
  },
  {
    make: 'Jeep',
    model: 'Grand Cherokee',
    wmi: '1C4',
    vds: 'RJKBG',
    plant: 'C',
    bodyStyle: 'suv',
    drivetrain: '4wd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '3.6L V6',
    trims: ['Laredo', 'Limited', 'Overland', 'Summit'],
    msrpDollars: [40_000, 65_000],
  },
  {
    make: 'Ram',
    model: '1500',
    wmi: '1C6',
    vds: 'SRFFT',
    plant: 'N',
    bodyStyle: 'pickup',
    drivetrain: '4wd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '3.0L I6 Hurricane',
    trims: ['Tradesman', 'Big Horn', 'Laramie', 'Limited'],
    msrpDollars: [40_000, 70_000],
  },
  {
    make: 'Nissan',
    model: 'Altima',
    wmi: '1N4',
    vds: 'BL4DV',
    plant: 'C',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'cvt',
    fuelType: 'gasoline',
    engine: '2.5L I4',
    trims: ['S', 'SV', 'SR', 'SL'],
    msrpDollars: [27_000, 34_000],
  },
  {
    make: 'Nissan',
    model: 'Rogue',
    wmi: 'JN8',
    vds: 'BT3BB',
    plant: 'W',
    bodyStyle: 'suv',
    drivetrain: 'awd',
    transmission: 'cvt',
    fuelType: 'gasoline',
    engine: '1.5L I3 Turbo',
    trims: ['S', 'SV', 'SL', 'Platinum'],
    msrpDollars: [30_000, 41_000],
  },
  {
    make: 'Hyundai',
    model: 'Elantra',
    wmi: 'KMH',
    vds: 'LM4AG',
    plant: 'U',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'cvt',
    fuelType: 'gasoline',
    engine: '2.0L I4',
    trims: ['SE', 'SEL', 'Limited', 'N Line'],
    msrpDollars: [22_000, 29_000],
  },
  {
    make: 'Kia',
    model: 'Telluride',
    wmi: '5XY',
    vds: 'P5DHC',
    plant: 'G',
    bodyStyle: 'suv',
    drivetrain: 'awd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '3.8L V6',
    trims: ['LX', 'S', 'EX', 'SX'],
    msrpDollars: [37_000, 54_000],
  },
  {
    make: 'Subaru',
    model: 'Outback',
    wmi: '4S4',
    vds: 'BTANC',
    plant: '3',
    bodyStyle: 'wagon',
    drivetrain: 'awd',
    transmission: 'cvt',
    fuelType: 'gasoline',
    engine: '2.5L H4',
    trims: ['Premium', 'Limited', 'Touring', 'Wilderness'],
    msrpDollars: [30_000, 42_000],
  },
  {
    make: 'Mazda',
    model: 'CX-5',
    wmi: 'JM3',
    vds: 'KFBCM',
    plant: '0',
    bodyStyle: 'suv',
    drivetrain: 'awd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '2.5L I4',
    trims: ['S Select', 'S Preferred', 'S Premium', 'Turbo'],
    msrpDollars: [30_000, 41_000],
  },
  {
    make: 'BMW',
    model: 'X5',
    wmi: '5UX',
    vds: 'CR6C0',
    plant: '9',
    bodyStyle: 'suv',
    drivetrain: 'awd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '3.0L I6 Turbo',
    trims: ['xDrive40i', 'xDrive50e', 'M60i'],
    msrpDollars: [67_000, 90_000],
  },
  {
    make: 'Mercedes-Benz',
    model: 'GLE 350',
    wmi: '4JG',
    vds: 'FB4KB',
    plant: 'A',
    bodyStyle: 'suv',
    drivetrain: 'awd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '2.0L I4 Turbo',
    trims: ['Base', 'Premium', 'Pinnacle'],
    msrpDollars: [62_000, 78_000],
  },
  {
    make: 'Tesla',
    model: 'Model Y',
    wmi: '7SA',
    vds: 'YGDEE',
    plant: 'F',
    bodyStyle: 'suv',
    drivetrain: 'awd',
    transmission: 'automatic',
    fuelType: 'electric',
    engine: 'Dual Motor Electric',
    trims: ['Long Range', 'Performance'],
    msrpDollars: [45_000, 55_000],
  },
  {
    make: 'Volkswagen',
    model: 'Jetta',
    wmi: '3VW',
    vds: 'EB7BU',
    plant: 'M',
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    transmission: 'automatic',
    fuelType: 'gasoline',
    engine: '1.5L I4 Turbo',
    trims: ['S', 'Sport', 'SE', 'SEL'],
    msrpDollars: [22_000, 30_000],
  },
  {
    make: 'Chrysler',
    model: 'Pacifica',
    wmi: '2C4',
    vds: 'RC1BG',
    plant: 'R',
    bodyStyle: 'minivan',
    drivetrain: 'fwd',
    transmission: 'automatic',
    fuelType: 'plug_in_hybrid',
    engine: '3.6L V6 Plug-in Hybrid',
    trims: ['Select', 'Premium S', 'Pinnacle'],
    msrpDollars: [42_000, 55_000],
  },
];

const COLORS = [
  'Crystal Black',
  'Platinum White',
  'Lunar Silver',
  'Modern Steel',
  'Radiant Red',
  'Aegean Blue',
  'Sonic Gray',
  'Forest Green',
];
const INTERIORS = ['Black Cloth', 'Black Leather', 'Gray Cloth', 'Ivory Leather', 'Saddle Leather'];
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY';

/** Deterministic pseudo-random numbers (mulberry32), so every machine gets the same demo inventory. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFromText(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** A VIN that passes the check-digit test and says its model year (2010 onwards) in position 10. */
export function composeVin(wmi: string, vds: string, year: number, plant: string, serial: string): string {
  const yearCode = YEAR_CODES[(year - 2010) % 30];
  const draft = `${wmi}${vds}0${yearCode}${plant}${serial}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

export interface DemoVehicleOptions {
  count: number;
  seed: number;
  /** The year the inventory is "as of": new cars are this year or next. */
  currentYear?: number;
  /** Serial numbers start here, so several generated inventories never share a VIN. */
  serialOffset?: number;
}

/** Realistic vehicles for a demo or benchmark dealership: valid VINs, sensible prices and mileage. */
export function generateDemoVehicles(options: DemoVehicleOptions): Array<VehicleInput & { ageDays: number }> {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const currentYear = options.currentYear ?? new Date().getUTCFullYear();
  const vehicles: Array<VehicleInput & { ageDays: number }> = [];
  for (let i = 0; i < options.count; i++) {
    const m = pick(CATALOG);
    const roll = random();
    const condition: VehicleCondition = roll < 0.4 ? 'new' : roll < 0.85 ? 'used' : 'certified';
    const year =
      condition === 'new'
        ? currentYear + (random() < 0.3 ? 1 : 0)
        : currentYear - 1 - Math.floor(random() * 7);
    const age = currentYear - year;
    const mileage =
      condition === 'new' ? Math.floor(random() * 40) : Math.round(age * (8000 + random() * 9000));
    const msrp =
      Math.round((m.msrpDollars[0] + random() * (m.msrpDollars[1] - m.msrpDollars[0])) / 100) * 100;
    const price =
      condition === 'new'
        ? msrp - Math.round(random() * 15) * 100
        : Math.round((msrp * Math.pow(0.86, age)) / 100) * 100 - 5;
    const serialNumber = (options.serialOffset ?? 0) + 100000 + i;
    const serial = String(serialNumber % 1_000_000).padStart(6, '0');
    const statusRoll = random();
    const status: VehicleStatus = statusRoll < 0.8 ? 'available' : statusRoll < 0.9 ? 'pending' : 'sold';
    const trim = pick(m.trims);
    vehicles.push({
      vin: composeVin(m.wmi, m.vds, year, m.plant, serial),
      stockNumber: `${STOCK_NUMBER_LETTER[condition]}${1001 + i}`,
      condition,
      year,
      make: m.make,
      model: m.model,
      trim,
      bodyStyle: m.bodyStyle,
      drivetrain: m.drivetrain,
      transmission: m.transmission,
      fuelType: m.fuelType,
      engine: m.engine,
      exteriorColor: pick(COLORS),
      interiorColor: pick(INTERIORS),
      mileage,
      priceCents: price * 100,
      msrpCents: condition === 'new' ? msrp * 100 : null,
      // What the dealer paid: a typical front-end margin (no extra draw, so the lot stays the same).
      costCents: Math.round((price * (condition === 'new' ? 0.94 : 0.86)) / 100) * 10_000,
      currency: 'USD',
      status,
      description: `${year} ${m.make} ${m.model} ${trim} in ${condition} condition. ${m.engine}, ${m.drivetrain.toUpperCase()}.`,
      ageDays: Math.floor(random() * 120),
    });
  }
  return vehicles;
}
