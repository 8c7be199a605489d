import { randomInt } from 'node:crypto';
import { composeVin } from '@showroom/demo-data';

/** A model line with what its VINs look like (same values as the demo catalog). */
export interface ModelLine {
  make: string;
  model: string;
  wmi: string;
  vds: string;
  plant: string;
}

export const HONDA_ACCORD: ModelLine = {
  make: 'Honda',
  model: 'Accord',
  wmi: '1HG',
  vds: 'CV1F3',
  plant: 'A',
};
export const TOYOTA_CAMRY: ModelLine = {
  make: 'Toyota',
  model: 'Camry',
  wmi: '4T1',
  vds: 'G11AK',
  plant: 'U',
};

export interface TestVehicle {
  vin: string;
  year: number;
  make: string;
  model: string;
  mileage: number;
  priceDollars: number;
  /** Unique per run, so parallel runs against one environment never clash. */
  stockNumber: string;
}

/**
 * A vehicle nobody has yet: a valid VIN (check digit and all) with a random 6-digit serial.
 * The demo dealerships' seeded serials run from 100000 to 120059, so these never meet a seeded VIN.
 */
export function freshVehicle(line: ModelLine = HONDA_ACCORD): TestVehicle {
  const serial = String(randomInt(300_000, 1_000_000));
  const year = 2024;
  const { make, model, wmi, vds, plant } = line;
  return {
    vin: composeVin(wmi, vds, year, plant, serial),
    year,
    make,
    model,
    mileage: randomInt(5_000, 90_000),
    priceDollars: randomInt(150, 300) * 100,
    stockNumber: `QA${serial}`,
  };
}

/** "$23,900" — how the portal shows whole-dollar prices (en-US, USD). */
export function asPrice(dollars: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(dollars);
}

/** "12,345 mi" — how the portal shows mileage. */
export function asMileage(miles: number): string {
  return `${new Intl.NumberFormat('en-US').format(miles)} mi`;
}
