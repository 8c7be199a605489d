import { EMPTY_EVENT_FIELDS, type LeadStatus, type PersonRef } from '@showroom/contracts';
import type { BusinessEvent } from '@showroom/server-analytics-client';
import type { LeadRow } from '../database';
import type { OutboxEvent } from '../outbox/events';

/** What analytics learns of the lead itself: never the shopper's name, e-mail, phone or message. */
export type LeadAnalyticsFacts = Pick<
  LeadRow,
  'source' | 'traffic_source' | 'channel' | 'vehicle_id' | 'assignee_id' | 'assignee_name'
>;

/**
 * The lead's marketing source, the one analytics counts it under: the traffic source of the website
 * visit it came from when there is one (so that visit's vehicle views and the lead share a funnel
 * row, and ad spend entered for "google" finds its leads), else the lead's own source (the ADF
 * provider, walk_in, phone, digital_retailing…). The lead's channel still tells a website lead apart.
 */
export function marketingSourceOf(lead: Pick<LeadRow, 'source' | 'traffic_source'>): string {
  return lead.traffic_source ?? lead.source;
}

/** Analytics ids are the outbox event's, so a consumer that runs twice sends the same ids again. */
const idOf = (event: OutboxEvent, part?: string) => `leads:${event.eventId}${part ? `:${part}` : ''}`;

/**
 * The analytics events an outbox event stands for (none for the events analytics does not count).
 * Each carries the lead's marketing source and channel and the salesperson who had the lead when it happened;
 * a status change that was also the lead's first response yields a `lead_first_response` too.
 */
export function leadAnalyticsEvents(event: OutboxEvent, lead: LeadAnalyticsFacts): BusinessEvent[] {
  const base = {
    ...EMPTY_EVENT_FIELDS,
    dealershipId: event.dealershipId,
    occurredAt: event.occurredAt.toISOString(),
    source: marketingSourceOf(lead),
    channel: lead.channel,
    leadId: event.leadId,
    // The vehicle is known once the lead names one and resolve_vehicle (or capture) found it.
    vehicleId: lead.vehicle_id,
    ...salesperson(assigneeAtTheTime(event, lead)),
  };
  switch (event.type) {
    case 'lead_created':
      return [{ ...base, id: idOf(event), type: 'lead_created' }];
    case 'assigned': {
      const assignee = personOf(event.data['assignee']);
      return assignee ? [{ ...base, ...salesperson(assignee), id: idOf(event), type: 'lead_assigned' }] : [];
    }
    case 'status_changed':
      return statusChangeEvents(event, base);
    default:
      return [];
  }
}

type EventBase = Omit<BusinessEvent, 'id' | 'type'>;

function statusChangeEvents(event: OutboxEvent, base: EventBase): BusinessEvent[] {
  const to = event.data['to'] as LeadStatus;
  const events: BusinessEvent[] = [];
  const responseSeconds = event.data['firstResponseSeconds'];
  if (typeof responseSeconds === 'number') {
    // The response is the one who answered: a manager who answers a salesperson's lead is counted.
    const responder = event.actor ?? personOf({ id: base.salespersonId, name: base.salespersonName });
    events.push({
      ...base,
      ...salesperson(responder),
      id: idOf(event, 'first-response'),
      type: 'lead_first_response',
      responseSeconds: Math.max(0, Math.round(responseSeconds)),
    });
  }
  const id = idOf(event);
  if (to === 'sold') events.push({ ...base, id, type: 'lead_sold', status: to });
  else if (to === 'lost') {
    const lostReason = typeof event.data['lostReason'] === 'string' ? event.data['lostReason'] : 'other';
    events.push({ ...base, id, type: 'lead_lost', status: to, lostReason });
  } else events.push({ ...base, id, type: 'lead_status_changed', status: to });
  return events;
}

/**
 * The assignee the outbox row names (who had the lead when it happened). Its name is the lead's
 * when the lead still has that assignee; after a reassignment it is left null, and the reports
 * take a salesperson's name from their latest event that has one (their lead_assigned has).
 */
function assigneeAtTheTime(event: OutboxEvent, lead: LeadAnalyticsFacts): PersonRef | null {
  if (!event.assigneeId) return null;
  return {
    id: event.assigneeId,
    name: lead.assignee_id === event.assigneeId ? (lead.assignee_name ?? '') : '',
  };
}

function salesperson(person: PersonRef | null): Pick<BusinessEvent, 'salespersonId' | 'salespersonName'> {
  const name = person?.name.trim();
  // Names come from the identity provider; the event field holds 120 characters.
  return { salespersonId: person?.id ?? null, salespersonName: name ? name.slice(0, 120) : null };
}

function personOf(value: unknown): PersonRef | null {
  const person = value as Partial<PersonRef> | null | undefined;
  return typeof person?.id === 'string' ? { id: person.id, name: String(person.name ?? '') } : null;
}
