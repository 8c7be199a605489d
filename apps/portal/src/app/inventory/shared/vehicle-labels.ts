import type {
  BODY_STYLES,
  DRIVETRAINS,
  FUEL_TYPES,
  TRANSMISSIONS,
  Vehicle,
  VehicleCondition,
  VehicleStatus,
} from '@showroom/contracts';

type BodyStyle = (typeof BODY_STYLES)[number];
type Drivetrain = (typeof DRIVETRAINS)[number];
type Transmission = (typeof TRANSMISSIONS)[number];
type FuelType = (typeof FUEL_TYPES)[number];

export const CONDITION_LABELS: Record<VehicleCondition, string> = {
  new: 'New',
  used: 'Used',
  certified: 'Certified pre-owned',
};

/** For tight places (table cells, cards). */
export const CONDITION_SHORT_LABELS: Record<VehicleCondition, string> = {
  new: 'New',
  used: 'Used',
  certified: 'Certified',
};

export const STATUS_LABELS: Record<VehicleStatus, string> = {
  available: 'Available',
  pending: 'Pending',
  sold: 'Sold',
  archived: 'Archived',
};

export const BODY_STYLE_LABELS: Record<BodyStyle, string> = {
  sedan: 'Sedan',
  coupe: 'Coupe',
  convertible: 'Convertible',
  hatchback: 'Hatchback',
  wagon: 'Wagon',
  suv: 'SUV',
  pickup: 'Pickup',
  minivan: 'Minivan',
  van: 'Van',
  other: 'Other',
};

export const DRIVETRAIN_LABELS: Record<Drivetrain, string> = {
  fwd: 'Front-wheel drive (FWD)',
  rwd: 'Rear-wheel drive (RWD)',
  awd: 'All-wheel drive (AWD)',
  '4wd': 'Four-wheel drive (4WD)',
};

export const TRANSMISSION_LABELS: Record<Transmission, string> = {
  automatic: 'Automatic',
  manual: 'Manual',
  cvt: 'CVT',
  dct: 'Dual-clutch (DCT)',
};

export const FUEL_TYPE_LABELS: Record<FuelType, string> = {
  gasoline: 'Gasoline',
  diesel: 'Diesel',
  hybrid: 'Hybrid',
  plug_in_hybrid: 'Plug-in hybrid',
  electric: 'Electric',
  flex_fuel: 'Flex fuel',
};

/** Looks up a label for a value that came from the server as plain text (facets). */
export function labelOf(labels: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return labels[value] ?? value;
}

/** "2021 Honda Civic EX" — how dealers name a unit. */
export function vehicleTitle(vehicle: Pick<Vehicle, 'year' | 'make' | 'model' | 'trim'>): string {
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim]
    .filter((part) => part !== null && part !== '')
    .join(' ');
}

const mileageFormat = new Intl.NumberFormat('en-US');
export function formatMileage(miles: number | null | undefined): string {
  return miles === null || miles === undefined ? '—' : `${mileageFormat.format(miles)} mi`;
}
