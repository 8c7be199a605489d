import { randomUUID } from 'node:crypto';
import {
  DIRECT_TRAFFIC_SOURCE,
  EMPTY_EVENT_FIELDS,
  scrubSearchText,
  type AnalyticsEvent,
  type ShopperEventBatch,
  type ShopperEventInput,
} from '@showroom/contracts';
import { searchTermsOf } from './search-terms';

/**
 * How old an event may be when it arrives. A tab put to sleep sends its queue when it wakes, and a
 * beacon can be late, but a batch a day old is a replay or a broken clock: counting it would change
 * days the dealer has already read on the dashboard. Older events are dropped (not in `accepted`).
 */
export const MAX_EVENT_AGE_MS = 24 * 60 * 60 * 1000;

/** Where a batch is being stored: the dealership of the path, when it arrived, its current sample rate. */
export interface BatchContext {
  dealershipId: string;
  receivedAt: Date;
  /** The dealership's sample rate now (its analytics settings). */
  sampleRate: number;
  newId?: () => string;
}

/**
 * A shopper's batch as analytics events: one per event the batch may still count, each with a new
 * random id (shopper events have no outbox id; the engine keeps an id once, and a retried beacon
 * is rare enough to count twice rather than make shoppers' browsers invent stable ids).
 */
export function analyticsEventsOf(batch: ShopperEventBatch, context: BatchContext): AnalyticsEvent[] {
  const newId = context.newId ?? randomUUID;
  const common = {
    ...EMPTY_EVENT_FIELDS,
    dealershipId: context.dealershipId,
    sessionId: batch.sessionId,
    source: trafficSourceOf(batch.source),
    weight: weightOf(batch.sampleRate, context.sampleRate),
  };
  const events: AnalyticsEvent[] = [];
  for (const input of batch.events) {
    const occurredAt = occurredAtOf(input.at, context.receivedAt);
    if (!occurredAt) continue;
    events.push({ ...common, ...fieldsOf(input), id: newId(), type: input.type, occurredAt });
  }
  return events;
}

/**
 * How many visits one sampled visit stands for. The batch says the rate its visit was sampled at;
 * the weight never exceeds 1 / the dealership's current rate, so a script claiming a tiny rate
 * cannot make one visit count as hundreds (a visit that began before the dealer raised the rate
 * is under-weighted for its remaining minutes instead: a far smaller error).
 */
export function weightOf(batchRate: number, dealershipRate: number): number {
  return 1 / Math.max(batchRate, dealershipRate);
}

/** The traffic source as sent (utm_source or referrer host), cleaned of personal data; else direct. */
export function trafficSourceOf(source: string | undefined): string {
  const cleaned = scrubSearchText(source ?? '')
    .toLowerCase()
    .slice(0, 80)
    .trim();
  return cleaned || DIRECT_TRAFFIC_SOURCE;
}

/**
 * When the event happened, or null when it is older than MAX_EVENT_AGE_MS. A time after arrival
 * (a shopper's clock running ahead) becomes the arrival time: the event did happen, by then at the latest.
 */
export function occurredAtOf(at: string, receivedAt: Date): string | null {
  const time = Date.parse(at);
  if (time > receivedAt.getTime()) return receivedAt.toISOString();
  if (receivedAt.getTime() - time > MAX_EVENT_AGE_MS) return null;
  return new Date(time).toISOString();
}

type EventFields = Partial<
  Pick<AnalyticsEvent, 'vehicleId' | 'searchTerms' | 'resultCount' | 'form' | 'dealKind'>
>;

function fieldsOf(input: ShopperEventInput): EventFields {
  switch (input.type) {
    case 'search':
      return { searchTerms: searchTermsOf(input.query, input.filters), resultCount: input.resultCount };
    case 'vehicle_view':
    case 'gallery_open':
      return { vehicleId: input.vehicleId };
    case 'form_start':
    case 'form_submit':
      return { form: input.form, vehicleId: input.vehicleId ?? null };
    case 'calculator_use':
      return { vehicleId: input.vehicleId ?? null, dealKind: input.dealKind ?? null };
  }
}
