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

/** The consumers; each is idempotent, so a job may run again after a crash or a retry. */
export const OUTBOX_HANDLERS = [
  'timeline',
  'route',
  'resolve_vehicle',
  'notify_assignee',
  'acknowledge',
  'crm',
  'analytics',
] as const;
export type OutboxHandlerName = (typeof OUTBOX_HANDLERS)[number];

/** Which consumers each event goes to. */
export const SUBSCRIPTIONS: Readonly<Record<LeadEventType, readonly OutboxHandlerName[]>> = {
  lead_created: ['timeline', 'route', 'resolve_vehicle', 'crm', 'analytics'],
  duplicate_attached: ['timeline', 'notify_assignee', 'analytics'],
  assigned: ['timeline', 'notify_assignee', 'acknowledge'],
  unassigned: ['timeline', 'acknowledge'],
  status_changed: ['timeline', 'analytics'],
  note_added: ['timeline'],
  task_created: ['timeline'],
  task_completed: ['timeline'],
  task_reopened: ['timeline'],
  email_sent: ['timeline'],
  crm_forwarded: ['timeline'],
};
