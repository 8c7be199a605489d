import type { AnalyticsEvent } from '@showroom/contracts';
import type { BulkOperation } from './bulk-writer';

/**
 * The vehicles index, kept from vehicle_* events: one document per vehicle holding its latest
 * lifecycle event, so inventory aging is one range aggregation over the lot instead of
 * reassembling every vehicle from its events.
 *
 * "Latest" is kept by Elasticsearch itself, without scripts: each event indexes the whole document
 * with an external version taken from its instant, so an older event arriving late (a relay that
 * retried, a redelivered batch) is refused with a 409 and changes nothing. At the same instant a
 * sale or removal wins over a listing or price change (the embedded engine's rule too), which the
 * version's last bit encodes.
 */
const LISTING_EVENT_TYPES = new Set(['vehicle_listed', 'vehicle_price_changed']);
const ENDING_EVENT_TYPES = new Set(['vehicle_sold', 'vehicle_removed']);

/** The document id: the dealership is part of it, so one dealership's event can never touch another's vehicle. */
export function vehicleDocumentId(dealershipId: string, vehicleId: string): string {
  return `${dealershipId}:${vehicleId}`;
}

/** Later events get higher versions; at one instant an ending event is one higher than a listing. */
export function vehicleVersion(occurredAt: string, ending: boolean): number {
  return Date.parse(occurredAt) * 2 + (ending ? 1 : 0);
}

export function vehicleDocument(event: AnalyticsEvent, vehicleId: string): Record<string, string | number> {
  const ending = ENDING_EVENT_TYPES.has(event.type);
  const document: Record<string, string | number> = {
    dealership_id: event.dealershipId,
    vehicle_id: vehicleId,
    // The event's listing instant, or its own when it has none (as the embedded engine reads it).
    listed_at: event.listedAt ?? event.occurredAt,
    last_event: event.type,
    last_event_at: event.occurredAt,
  };
  if (ending) document['ended_at'] = event.occurredAt;
  if (event.vehicleCondition) document['vehicle_condition'] = event.vehicleCondition;
  if (event.make) document['make'] = event.make;
  if (event.model) document['model'] = event.model;
  if (event.year !== null) document['model_year'] = event.year;
  if (event.priceCents !== null) document['price_cents'] = event.priceCents;
  return document;
}

/** The index operation for a vehicle lifecycle event, or null for any other event. */
export function vehicleOperation(event: AnalyticsEvent, vehiclesIndex: string): BulkOperation | null {
  const ending = ENDING_EVENT_TYPES.has(event.type);
  if ((!ending && !LISTING_EVENT_TYPES.has(event.type)) || !event.vehicleId) return null;
  return {
    action: {
      index: {
        _index: vehiclesIndex,
        _id: vehicleDocumentId(event.dealershipId, event.vehicleId),
        version: vehicleVersion(event.occurredAt, ending),
        // _gte: the same event again (a redelivery) rewrites the same document instead of failing.
        version_type: 'external_gte',
      },
    },
    body: vehicleDocument(event, event.vehicleId),
    label: `vehicle ${event.vehicleId}`,
    // A 409 means a later event of this vehicle is stored already, which is the state to keep.
    conflictIsStale: true,
  };
}
