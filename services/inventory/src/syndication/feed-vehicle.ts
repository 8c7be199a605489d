import type { FeedAddress, PublicVehicle, VehicleStatus } from '@showroom/contracts';

/**
 * A vehicle as the feed generators see it: only what a website may show (no cost, no internal
 * notes), whether it is on sale, and its photos' public addresses, the hero first.
 */
export interface FeedVehicle extends Omit<PublicVehicle, 'heroPhoto' | 'photoCount'> {
  status: VehicleStatus;
  published: boolean;
  /** Full-size JPEG addresses, the hero first. */
  photoUrls: readonly string[];
  /** When the car entered the lot (ISO-8601). */
  inStockSince: string;
}

/** Odometer readings are kept in miles (the vehicle's `mileage`); each channel spells the unit its own way. */
export const MILEAGE_UNIT = { google: 'miles', meta: 'MI', marketplace: 'mi' } as const;

/** What every feed of one dealership shares. */
export interface FeedContext {
  dealershipId: string;
  dealershipName: string;
  storeCode: string;
  address: FeedAddress;
  /** The vehicle's page on the dealership's website. */
  vehicleUrl(vehicleId: string): string;
}

/** "2021 Honda Accord Sport": how every channel titles a car. */
export function vehicleTitle(vehicle: Pick<FeedVehicle, 'year' | 'make' | 'model' | 'trim'>): string {
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');
}

/** Cents as a decimal amount with two places ("12995.00"). */
export function decimalAmount(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** "1800 Amphibious Blvd., Mountain View, CA 94045, US", leaving out what is not known. */
export function oneLineAddress(address: FeedAddress): string {
  const regionAndCode = [address.region, address.postalCode].filter(Boolean).join(' ');
  return [address.street, address.city, regionAndCode, address.country].filter(Boolean).join(', ');
}

/** Feeds are one record per line or cell: line breaks and tabs in free text become spaces. */
export function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/[\t\r\n]+/g, ' ').trim();
}
