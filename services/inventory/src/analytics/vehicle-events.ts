import type { Insertable, Selectable } from 'kysely';
import type { VehicleStatus } from '@showroom/contracts';
import type { DealershipQueries } from '@showroom/server-mysql';
import type { InventoryDatabase, VehicleTable } from '../database';

/**
 * A vehicle's life on the lot as analytics counts it, written to the inventory outbox
 * (`inventory_events`) in the transaction of the change, and shipped to analytics by the relay.
 */
export const VEHICLE_EVENT_TYPES = [
  'vehicle_listed',
  'vehicle_price_changed',
  'vehicle_sold',
  'vehicle_removed',
] as const;
export type VehicleEventType = (typeof VEHICLE_EVENT_TYPES)[number];

/** What an event needs of the vehicle: no VIN, stock number, cost or notes ever leave for analytics. */
export type VehicleFacts = Pick<
  Selectable<VehicleTable>,
  'id' | 'status' | 'price_cents' | 'vehicle_condition' | 'make' | 'model' | 'year' | 'created_at'
>;
/** The columns to select for {@link VehicleFacts}. */
export const VEHICLE_FACT_COLUMNS = [
  'id',
  'status',
  'price_cents',
  'vehicle_condition',
  'make',
  'model',
  'year',
  'created_at',
] as const satisfies readonly (keyof VehicleFacts)[];

/** The payload of a vehicle event row (JSON in inventory_events.payload). */
export interface VehicleEventPayload {
  vehicleId: string;
  /** When it happened (the change's time; a demo listing's is its listing date). */
  at: string;
  /** The price at the event; null when the vehicle has none. */
  priceCents: number | null;
  /** The vehicle's created_at: inventory counts days in stock from it, and so does aging. */
  listedAt: string;
  /** Whole days from listing to the sale or removal. */
  daysOnLot: number | null;
  condition: string;
  make: string;
  model: string;
  year: number;
}

export interface VehicleEvent {
  type: VehicleEventType;
  payload: VehicleEventPayload;
}

const DAY_MS = 86_400_000;

/** On the lot: for sale, or held for a shopper. Sold and archived vehicles have left it. */
const onLot = (status: VehicleStatus) => status === 'available' || status === 'pending';

/**
 * What a change of one vehicle means for analytics, from the vehicle before (null: it is new) and
 * after (null: deleted). Entering the lot (added, or back from sold or archived) is a listing;
 * leaving it is a sale (status sold) or a removal (archived, deleted); every change of the price of
 * a vehicle that existed before is a price change, up or down. "The lot" is the status, not the
 * website flag: an unpublished car still stands there and ages.
 */
export function vehicleEventsOf(
  before: VehicleFacts | null,
  after: VehicleFacts | null,
  at: Date,
): VehicleEvent[] {
  const events: VehicleEvent[] = [];
  const vehicle = after ?? before;
  if (!vehicle) return events;
  const event = (type: VehicleEventType, facts: VehicleFacts, daysOnLot: number | null = null) =>
    events.push({ type, payload: payloadOf(facts, at, daysOnLot) });
  const wasOnLot = before !== null && onLot(before.status);

  if (before && after && centsOf(before.price_cents) !== centsOf(after.price_cents)) {
    event('vehicle_price_changed', after);
  }
  if (after && onLot(after.status) && !wasOnLot) event('vehicle_listed', after);
  // A vehicle entered as already sold never was on the lot: no sale to count.
  if (before && after?.status === 'sold' && before.status !== 'sold') {
    event('vehicle_sold', after, daysBetween(after.created_at, at));
  } else if (wasOnLot && (after === null || after.status === 'archived')) {
    event('vehicle_removed', after ?? before, daysBetween(vehicle.created_at, at));
  }
  return events;
}

/** The facts of a row about to be inserted (what the insert leaves to defaults filled in as it will be). */
export function factsOfNewRow(row: Omit<Insertable<VehicleTable>, 'dealership_id'>, at: Date): VehicleFacts {
  return {
    id: row.id,
    status: row.status ?? 'available',
    price_cents: row.price_cents ?? null,
    vehicle_condition: row.vehicle_condition,
    make: row.make,
    model: row.model,
    year: row.year,
    created_at: row.created_at ?? at,
  };
}

/** The vehicle's facts, locked for the caller's change; undefined when it is not there (at that version). */
export function lockFacts(
  tenant: DealershipQueries<InventoryDatabase>,
  vehicleId: string,
  version?: number,
): Promise<(VehicleFacts & { currency: string }) | undefined> {
  let query = tenant
    .selectFrom('vehicles')
    .select([...VEHICLE_FACT_COLUMNS, 'currency'])
    .where('id', '=', vehicleId);
  if (version !== undefined) query = query.where('version', '=', version);
  return query.forUpdate().executeTakeFirst();
}

/** Writes the events in the caller's transaction (nothing when there are none). */
export async function recordVehicleEvents(
  tenant: DealershipQueries<InventoryDatabase>,
  events: readonly VehicleEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await tenant
    .insertInto('inventory_events')
    .values(
      events.map(({ type, payload }) => ({
        type,
        payload: JSON.stringify(payload),
        created_at: new Date(payload.at),
      })),
    )
    .execute();
}

/** {@link vehicleEventsOf} and {@link recordVehicleEvents} in one step, for a single vehicle's change. */
export function recordVehicleChange(
  tenant: DealershipQueries<InventoryDatabase>,
  before: VehicleFacts | null,
  after: VehicleFacts | null,
  at: Date,
): Promise<void> {
  return recordVehicleEvents(tenant, vehicleEventsOf(before, after, at));
}

function payloadOf(facts: VehicleFacts, at: Date, daysOnLot: number | null): VehicleEventPayload {
  return {
    vehicleId: facts.id,
    at: at.toISOString(),
    priceCents: centsOf(facts.price_cents),
    listedAt: facts.created_at.toISOString(),
    daysOnLot,
    condition: facts.vehicle_condition,
    make: facts.make,
    model: facts.model,
    year: facts.year,
  };
}

// BIGINT columns may come back as strings.
const centsOf = (value: number | string | null) => (value === null ? null : Number(value));
const daysBetween = (from: Date, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
