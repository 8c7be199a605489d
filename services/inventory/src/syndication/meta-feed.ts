import type { BodyStyle } from '@showroom/contracts';
import {
  decimalAmount,
  MILEAGE_UNIT,
  oneLine,
  vehicleTitle,
  type FeedContext,
  type FeedVehicle,
} from './feed-vehicle';
import { csvText, escapeXml, xmlElement, type FeedCell } from './feed-text';

/**
 * Meta's automotive (vehicle) catalog, as a CSV data feed and as XML. Field names and enumerations
 * are Meta's: nested fields are flattened with dots in CSV (`mileage.value`, `address.city`,
 * `image[0].url`), and nested as elements in XML (`<mileage><value>`, `<address format="simple">`
 * with `<component name="city">`, one `<image><url>` per photo).
 */
const META_BODY_STYLES: Record<BodyStyle, string> = {
  sedan: 'SEDAN',
  coupe: 'COUPE',
  convertible: 'CONVERTIBLE',
  hatchback: 'HATCHBACK',
  wagon: 'WAGON',
  suv: 'SUV',
  pickup: 'TRUCK',
  minivan: 'MINIVAN',
  van: 'VAN',
  other: 'OTHER',
};

const META_DRIVETRAINS: Record<string, string> = { fwd: 'FWD', rwd: 'RWD', awd: 'AWD', '4wd': '4X4' };
const META_TRANSMISSIONS: Record<string, string> = {
  automatic: 'AUTOMATIC',
  manual: 'MANUAL',
  cvt: 'AUTOMATIC',
  dct: 'AUTOMATIC',
};
const META_FUEL_TYPES: Record<string, string> = {
  gasoline: 'GASOLINE',
  diesel: 'DIESEL',
  hybrid: 'HYBRID',
  plug_in_hybrid: 'PLUGIN_HYBRID',
  electric: 'ELECTRIC',
  flex_fuel: 'FLEX',
};

/** Meta takes up to 20 images per vehicle. */
export const META_MAX_IMAGES = 20;

export interface MetaListing {
  vehicle_id: string;
  vin: string;
  title: string;
  description: string;
  url: string;
  make: string;
  model: string;
  year: number;
  trim: string;
  body_style: string;
  drivetrain: string;
  transmission: string;
  fuel_type: string;
  exterior_color: string;
  interior_color: string;
  mileage: { value: number; unit: typeof MILEAGE_UNIT.meta };
  price: string;
  state_of_vehicle: 'NEW' | 'USED' | 'CPO';
  availability: 'available';
  dealer_id: string;
  dealer_name: string;
  address: { addr1: string; city: string; region: string; postal_code: string; country: string };
  images: string[];
}

export function metaListing(vehicle: FeedVehicle, context: FeedContext): MetaListing {
  const { address } = context;
  return {
    vehicle_id: vehicle.id,
    vin: vehicle.vin,
    title: vehicleTitle(vehicle),
    // Meta requires a description; the title stands in when the dealer wrote none.
    description: oneLine(vehicle.description) || vehicleTitle(vehicle),
    url: context.vehicleUrl(vehicle.id),
    make: vehicle.make,
    model: vehicle.model,
    year: vehicle.year,
    trim: vehicle.trim ?? '',
    body_style: META_BODY_STYLES[vehicle.bodyStyle ?? 'other'],
    drivetrain: vehicle.drivetrain ? (META_DRIVETRAINS[vehicle.drivetrain] ?? 'OTHER') : '',
    transmission: vehicle.transmission ? (META_TRANSMISSIONS[vehicle.transmission] ?? '') : '',
    fuel_type: vehicle.fuelType ? (META_FUEL_TYPES[vehicle.fuelType] ?? 'OTHER') : '',
    exterior_color: vehicle.exteriorColor ?? '',
    interior_color: vehicle.interiorColor ?? '',
    mileage: { value: vehicle.mileage, unit: MILEAGE_UNIT.meta },
    // Meta's price: an amount and an ISO 4217 code; whole dollars unless there are cents.
    price:
      vehicle.priceCents === null
        ? ''
        : `${vehicle.priceCents % 100 === 0 ? vehicle.priceCents / 100 : decimalAmount(vehicle.priceCents)} ${vehicle.currency}`,
    state_of_vehicle:
      vehicle.condition === 'new' ? 'NEW' : vehicle.condition === 'certified' ? 'CPO' : 'USED',
    availability: 'available',
    dealer_id: context.storeCode || context.dealershipId,
    dealer_name: context.dealershipName,
    address: {
      addr1: address.street ?? '',
      city: address.city ?? '',
      region: address.region ?? '',
      postal_code: address.postalCode ?? '',
      country: address.country,
    },
    images: vehicle.photoUrls.slice(0, META_MAX_IMAGES),
  };
}

const FLAT_COLUMNS = [
  'vehicle_id',
  'vin',
  'title',
  'description',
  'url',
  'make',
  'model',
  'year',
  'trim',
  'body_style',
  'drivetrain',
  'transmission',
  'fuel_type',
  'exterior_color',
  'interior_color',
  'mileage.value',
  'mileage.unit',
  'price',
  'state_of_vehicle',
  'availability',
  'dealer_id',
  'dealer_name',
  'address.addr1',
  'address.city',
  'address.region',
  'address.postal_code',
  'address.country',
] as const;

export function metaFeedCsv(vehicles: readonly FeedVehicle[], context: FeedContext): string {
  const listings = vehicles.map((vehicle) => metaListing(vehicle, context));
  const imageColumns = Math.max(1, ...listings.map((listing) => listing.images.length));
  const columns = [
    ...FLAT_COLUMNS,
    ...Array.from({ length: imageColumns }, (_, index) => `image[${index}].url`),
  ];
  const rows = listings.map((listing) => {
    const { mileage, address, images, ...plain } = listing;
    const row: Record<string, FeedCell> = {
      ...plain,
      'mileage.value': mileage.value,
      'mileage.unit': mileage.unit,
    };
    for (const [name, value] of Object.entries(address)) row[`address.${name}`] = value;
    images.forEach((url, index) => (row[`image[${index}].url`] = url));
    return row;
  });
  return csvText(columns, rows);
}

export function metaFeedXml(vehicles: readonly FeedVehicle[], context: FeedContext): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<listings>\n',
    xmlElement('title', `${context.dealershipName} vehicles`),
    '\n',
  ];
  for (const vehicle of vehicles) {
    const { mileage, address, images, ...fields } = metaListing(vehicle, context);
    parts.push('<listing>');
    for (const [name, value] of Object.entries(fields)) parts.push(xmlElement(name, value));
    parts.push(
      '<mileage>',
      xmlElement('value', mileage.value),
      xmlElement('unit', mileage.unit),
      '</mileage>',
    );
    parts.push('<address format="simple">');
    for (const [name, value] of Object.entries(address)) {
      if (value) parts.push(`<component name="${name}">${escapeXml(value)}</component>`);
    }
    parts.push('</address>');
    for (const url of images) parts.push('<image>', xmlElement('url', url), '</image>');
    parts.push('</listing>\n');
  }
  parts.push('</listings>\n');
  return parts.join('');
}
