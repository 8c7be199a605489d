import {
  decimalAmount,
  MILEAGE_UNIT,
  oneLine,
  oneLineAddress,
  vehicleTitle,
  type FeedContext,
  type FeedVehicle,
} from './feed-vehicle';
import { tsvText } from './feed-text';

/**
 * Google's vehicle ads / vehicle listings primary feed as a tab-delimited file (the format Google
 * recommends), one header row with Google's attribute names. Where Merchant Center's vehicle ads and
 * the vehicle listings specification name an attribute differently, both are given (brand and make,
 * color and exterior_color); each side ignores the other's. Repeated attributes
 * (additional_image_link) are comma-separated, as Google reads them in delimited files.
 */
export const GOOGLE_COLUMNS = [
  'id',
  'store_code',
  'vin',
  'title',
  'description',
  'link',
  'image_link',
  'additional_image_link',
  'price',
  'vehicle_msrp',
  'condition',
  'certified_pre-owned',
  'brand',
  'make',
  'model',
  'year',
  'trim',
  'mileage',
  'color',
  'exterior_color',
  'interior_color',
  'body_style',
  'engine',
  'date_in_stock',
  'dealership_name',
  'dealership_address',
  'vehicle_fulfillment',
] as const;

/** Google's body_style values for vehicle ads. */
const GOOGLE_BODY_STYLES: Record<string, string> = {
  sedan: 'sedan',
  coupe: 'coupe',
  convertible: 'convertible',
  hatchback: 'hatchback',
  wagon: 'wagon',
  suv: 'suv',
  pickup: 'truck',
  minivan: 'minivan',
  van: 'van',
};

/** Google allows at most 10 additional images. */
const MAX_ADDITIONAL_IMAGES = 10;

export function googleRow(
  vehicle: FeedVehicle,
  context: FeedContext,
): Record<(typeof GOOGLE_COLUMNS)[number], string> {
  const used = vehicle.condition !== 'new';
  const price = (cents: number | null) =>
    cents === null ? '' : `${decimalAmount(cents)} ${vehicle.currency}`;
  return {
    // The vehicle's id, not its stock number: an import may renumber stock, and Google would take a
    // new id for a new offer (losing the car's history and approval).
    id: vehicle.id,
    store_code: context.storeCode,
    vin: vehicle.vin,
    title: vehicleTitle(vehicle),
    description: oneLine(vehicle.description),
    link: context.vehicleUrl(vehicle.id),
    image_link: vehicle.photoUrls[0] ?? '',
    additional_image_link: vehicle.photoUrls.slice(1, 1 + MAX_ADDITIONAL_IMAGES).join(','),
    price: price(vehicle.priceCents),
    vehicle_msrp: used ? '' : price(vehicle.msrpCents),
    condition: used ? 'used' : 'new',
    'certified_pre-owned': vehicle.condition === 'certified' ? 'yes' : used ? 'no' : '',
    brand: vehicle.make,
    make: vehicle.make,
    model: vehicle.model,
    year: String(vehicle.year),
    trim: vehicle.trim ?? '',
    // Required for used cars; Google reads an integer and a unit.
    mileage: used ? `${vehicle.mileage} ${MILEAGE_UNIT.google}` : '',
    color: vehicle.exteriorColor ?? '',
    exterior_color: vehicle.exteriorColor ?? '',
    interior_color: vehicle.interiorColor ?? '',
    body_style: vehicle.bodyStyle ? (GOOGLE_BODY_STYLES[vehicle.bodyStyle] ?? '') : '',
    engine: oneLine(vehicle.engine),
    date_in_stock: vehicle.inStockSince.slice(0, 10),
    dealership_name: context.dealershipName,
    dealership_address: oneLineAddress(context.address),
    // Group attribute: option:store_code. The car can be seen and bought at the dealership.
    vehicle_fulfillment: `in_store:${context.storeCode}`,
  };
}

export function googleFeedTsv(vehicles: readonly FeedVehicle[], context: FeedContext): string {
  return tsvText(
    GOOGLE_COLUMNS,
    vehicles.map((vehicle) => googleRow(vehicle, context)),
  );
}
