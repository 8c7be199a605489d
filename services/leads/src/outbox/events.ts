import type { LeadEventType, PersonRef } from '@showroom/contracts';

/** What an outbox row carries: enough to write the timeline entry and run every consumer. */
export interface LeadEventPayload {
  actor: PersonRef | null;
  shopperName: string;
  /** The lead's assignee when it happened, so a salesperson's feed shows only their leads. */
  assigneeId: string | null;
  summary: string;
  data: Record<string, unknown>;
}

export interface NewLeadEvent extends LeadEventPayload {
  type: LeadEventType;
  leadId: string;
}

/** An outbox row as consumers see it. */
export interface OutboxEvent extends NewLeadEvent {
  eventId: string;
  dealershipId: string;
  occurredAt: Date;
}

/**
 * A consumer's failure that no retry can change (what it must hand on for this event can never be
 * valid). The worker records it once on the run, with this message, and does not run the consumer
 * for the event again, where any other error is retried and then swept up forever.
 */
export class ConsumerGaveUp extends Error {
  override readonly name = 'ConsumerGaveUp';
}

/** A consumer of events: runs once in effect per event, however often it is called. */
export type OutboxHandler = (event: OutboxEvent) => Promise<void>;

/** What the outbox needs to know of its consumers: who takes which event, and how each runs. */
export interface OutboxConsumers {
  subscriptions: Readonly<Record<LeadEventType, readonly string[]>>;
  handlers: Readonly<Record<string, OutboxHandler>>;
}
