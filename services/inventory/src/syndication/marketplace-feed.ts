import {
  decimalAmount,
  MILEAGE_UNIT,
  oneLineAddress,
  vehicleTitle,
  type FeedContext,
  type FeedVehicle,
} from './feed-vehicle';
import { csvText } from './feed-text';

/**
 * A plain CSV for marketplaces that take a dealer's inventory file (and for dealers who want a
 * spreadsheet of what they advertise): one row per car, prices as decimal amounts, photos as one
 * column of addresses separated by `|`, the hero first.
 */
export const MARKETPLACE_COLUMNS = [
  'dealer_name',
  'dealer_address',
  'store_code',
  'vehicle_id',
  'stock_number',
  'vin',
  'condition',
  'certified',
  'year',
  'make',
  'model',
  'trim',
  'title',
  'body_style',
  'drivetrain',
  'transmission',
  'fuel_type',
  'engine',
  'exterior_color',
  'interior_color',
  'mileage',
  'mileage_unit',
  'price',
  'msrp',
  'currency',
  'description',
  'url',
  'photo_urls',
  'in_stock_since',
] as const;

export function marketplaceFeedCsv(vehicles: readonly FeedVehicle[], context: FeedContext): string {
  const dealerAddress = oneLineAddress(context.address);
  const rows = vehicles.map((vehicle) => ({
    dealer_name: context.dealershipName,
    dealer_address: dealerAddress,
    store_code: context.storeCode,
    vehicle_id: vehicle.id,
    stock_number: vehicle.stockNumber,
    vin: vehicle.vin,
    condition: vehicle.condition === 'new' ? 'new' : 'used',
    certified: vehicle.condition === 'certified' ? 'yes' : 'no',
    year: vehicle.year,
    make: vehicle.make,
    model: vehicle.model,
    trim: vehicle.trim ?? '',
    title: vehicleTitle(vehicle),
    body_style: vehicle.bodyStyle ?? '',
    drivetrain: vehicle.drivetrain ?? '',
    transmission: vehicle.transmission ?? '',
    fuel_type: vehicle.fuelType ?? '',
    engine: vehicle.engine ?? '',
    exterior_color: vehicle.exteriorColor ?? '',
    interior_color: vehicle.interiorColor ?? '',
    mileage: vehicle.mileage,
    mileage_unit: MILEAGE_UNIT.marketplace,
    price: vehicle.priceCents === null ? '' : decimalAmount(vehicle.priceCents),
    msrp: vehicle.msrpCents === null ? '' : decimalAmount(vehicle.msrpCents),
    currency: vehicle.currency,
    description: vehicle.description ?? '',
    url: context.vehicleUrl(vehicle.id),
    photo_urls: vehicle.photoUrls.join('|'),
    in_stock_since: vehicle.inStockSince.slice(0, 10),
  }));
  return csvText(MARKETPLACE_COLUMNS, rows);
}
