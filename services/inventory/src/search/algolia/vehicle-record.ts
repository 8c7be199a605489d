import type { SearchDocument } from '../port';

/**
 * One vehicle as Algolia stores it: the search document as it is (it holds nothing private) plus
 * the VIN's last eight and last six characters, which shoppers read off a windscreen and type, and
 * the id as numbers for ranking ties. The objectID is the vehicle's id (a UUID, unique across
 * dealerships).
 */
export interface VehicleRecord extends SearchDocument, IdOrder {
  objectID: string;
  vinTail: [string, string];
}

/**
 * Custom ranking orders by numbers (and booleans) only, so a tie is broken by the id's 32 hex
 * digits read as three numbers of 11, 11 and 10 digits (each below 2^53): ascending, they sort
 * exactly as the ids do, which is how every other engine breaks ties.
 */
export interface IdOrder {
  idOrder1: number;
  idOrder2: number;
  idOrder3: number;
}

export const ID_ORDER_ATTRIBUTES = ['idOrder1', 'idOrder2', 'idOrder3'] as const;

export function toVehicleRecord(document: SearchDocument): VehicleRecord {
  return { objectID: document.id, ...document, vinTail: vinTails(document.vin), ...idOrder(document.id) };
}

export function idOrder(id: string): IdOrder {
  const hex = id
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '')
    .padEnd(32, '0')
    .slice(0, 32);
  return {
    idOrder1: Number.parseInt(hex.slice(0, 11), 16),
    idOrder2: Number.parseInt(hex.slice(11, 22), 16),
    idOrder3: Number.parseInt(hex.slice(22, 32), 16),
  };
}

export function vinTails(vin: string): [string, string] {
  const upper = vin.toUpperCase();
  return [upper.slice(-8), upper.slice(-6)];
}
