import type { SearchDocument } from '../port';

/**
 * One vehicle as Algolia stores it: the search document as it is (it holds nothing private) plus
 * the VIN's last eight and last six characters, which shoppers read off a windscreen and type.
 * The objectID is the vehicle's id (a UUID, unique across dealerships).
 */
export interface VehicleRecord extends SearchDocument {
  objectID: string;
  vinTail: [string, string];
}

export function toVehicleRecord(document: SearchDocument): VehicleRecord {
  return { objectID: document.id, ...document, vinTail: vinTails(document.vin) };
}

export function vinTails(vin: string): [string, string] {
  const upper = vin.toUpperCase();
  return [upper.slice(-8), upper.slice(-6)];
}
