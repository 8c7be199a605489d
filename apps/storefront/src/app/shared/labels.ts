import type {
  BodyStyle,
  Drivetrain,
  FuelType,
  PublicVehicle,
  VehicleCondition,
  VehicleSort,
} from '@showroom/contracts';

// Shopper-facing words for the contract's vocabularies. Each map is a Record over the contract's
// type, so a value added there fails this build until it has a label (and no zod reaches the browser).

export const BODY_STYLE_LABELS: Record<BodyStyle, string> = {
  sedan: 'Sedan',
  coupe: 'Coupe',
  convertible: 'Convertible',
  hatchback: 'Hatchback',
  wagon: 'Wagon',
  suv: 'SUV',
  pickup: 'Pickup truck',
  minivan: 'Minivan',
  van: 'Van',
  other: 'Other',
};

export const CONDITION_LABELS: Record<VehicleCondition, string> = {
  new: 'New',
  used: 'Used',
  certified: 'Certified pre-owned',
};

export const DRIVETRAIN_LABELS: Record<Drivetrain, string> = {
  fwd: 'Front-wheel drive',
  rwd: 'Rear-wheel drive',
  awd: 'All-wheel drive',
  '4wd': 'Four-wheel drive',
};

export const TRANSMISSION_LABELS: Record<NonNullable<PublicVehicle['transmission']>, string> = {
  automatic: 'Automatic',
  manual: 'Manual',
  cvt: 'CVT',
  dct: 'Dual-clutch',
};

export const FUEL_TYPE_LABELS: Record<FuelType, string> = {
  gasoline: 'Gasoline',
  diesel: 'Diesel',
  hybrid: 'Hybrid',
  plug_in_hybrid: 'Plug-in hybrid',
  electric: 'Electric',
  flex_fuel: 'Flex fuel',
};

/** The sorts a shopper picks from, in the order offered; the rest stay reachable by URL. */
export const SORT_LABELS: Partial<Record<VehicleSort, string>> = {
  relevance: 'Best match',
  daysInStock: 'Newest arrivals',
  price: 'Price: low to high',
  '-price': 'Price: high to low',
  '-year': 'Year: newest first',
  year: 'Year: oldest first',
  mileage: 'Mileage: lowest first',
};
