import type { Insertable, Selectable } from 'kysely';
import type { Vehicle, VehicleInputParsed } from '@showroom/contracts';
import type { VehicleTable } from '../database';
import type { PhotoUrls } from '../photos/photo-keys';

const DAY_MS = 86_400_000;

export function daysInStock(createdAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / DAY_MS));
}

/** Row → the API's vehicle; `now` decides days in stock, `photoUrls` where its hero photo is served. */
export function vehicleFromRow(row: Selectable<VehicleTable>, now: Date, photoUrls: PhotoUrls): Vehicle {
  return {
    id: row.id,
    dealershipId: row.dealership_id,
    vin: row.vin,
    stockNumber: row.stock_number,
    condition: row.vehicle_condition,
    year: row.year,
    make: row.make,
    model: row.model,
    trim: row.trim,
    bodyStyle: row.body_style as Vehicle['bodyStyle'],
    drivetrain: row.drivetrain as Vehicle['drivetrain'],
    transmission: row.transmission as Vehicle['transmission'],
    fuelType: row.fuel_type as Vehicle['fuelType'],
    engine: row.engine,
    exteriorColor: row.exterior_color,
    interiorColor: row.interior_color,
    mileage: row.mileage,
    priceCents: row.price_cents === null ? null : Number(row.price_cents),
    msrpCents: row.msrp_cents === null ? null : Number(row.msrp_cents),
    currency: row.currency as Vehicle['currency'],
    status: row.status,
    description: row.description,
    // MySQL's BOOLEAN is TINYINT(1): mysql2 answers 0 or 1.
    published: Boolean(row.published),
    costCents: row.cost_cents === null ? null : Number(row.cost_cents),
    internalNotes: row.internal_notes,
    daysInStock: daysInStock(row.created_at, now),
    heroPhoto: row.hero_photo_key === null ? null : photoUrls(row.hero_photo_key),
    photoCount: row.photo_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The columns a dealer can set, from a validated input (absent optional fields become null). */
export function columnsFromInput(
  input: Partial<VehicleInputParsed>,
): Partial<Omit<Insertable<VehicleTable>, 'id' | 'dealership_id' | 'version' | 'created_at' | 'updated_at'>> {
  const columns: Record<string, unknown> = {};
  const set = (column: string, value: unknown) => {
    if (value !== undefined) columns[column] = value;
  };
  set('vin', input.vin);
  set('stock_number', input.stockNumber);
  set('vehicle_condition', input.condition);
  set('year', input.year);
  set('make', input.make);
  set('model', input.model);
  set('trim', input.trim);
  set('body_style', input.bodyStyle);
  set('drivetrain', input.drivetrain);
  set('transmission', input.transmission);
  set('fuel_type', input.fuelType);
  set('engine', input.engine);
  set('exterior_color', input.exteriorColor);
  set('interior_color', input.interiorColor);
  set('mileage', input.mileage);
  set('price_cents', input.priceCents);
  set('msrp_cents', input.msrpCents);
  set('currency', input.currency);
  set('status', input.status);
  set('description', input.description);
  set('published', input.published);
  set('cost_cents', input.costCents);
  set('internal_notes', input.internalNotes);
  // A dealer who moves a held vehicle out of pending (sold it, put it back on sale) ends the online
  // hold: the reservation's later release then finds nothing of its own to undo.
  if (input.status !== undefined && input.status !== 'pending') {
    columns['hold_reservation_id'] = null;
    columns['held_until'] = null;
  }
  return columns;
}

/** The row of a vehicle entering the lot at `receivedAt`, at version 1. */
export function newVehicleRow(
  id: string,
  dealershipId: string,
  input: VehicleInputParsed,
  receivedAt: Date,
): Insertable<VehicleTable> {
  return {
    ...columnsFromInput(input),
    id,
    dealership_id: dealershipId,
    vin: input.vin,
    stock_number: input.stockNumber,
    vehicle_condition: input.condition,
    year: input.year,
    make: input.make,
    model: input.model,
    mileage: input.mileage,
    currency: input.currency ?? 'USD',
    status: input.status ?? 'available',
    version: 1,
    created_at: receivedAt,
    updated_at: receivedAt,
  };
}
