import type { LeadEventType } from '@showroom/contracts';

/** The consumers of lead events; each is idempotent, so a job may run again after a crash or a retry. */
export const LEAD_CONSUMERS = [
  'timeline',
  'route',
  'resolve_vehicle',
  'notify_assignee',
  'acknowledge',
  'crm',
  'analytics',
] as const;
export type LeadConsumer = (typeof LEAD_CONSUMERS)[number];

/**
 * Which consumers each event goes to. `crm` takes `duplicate_attached` for the online deal that
 * joins a shopper's open lead (forwarded once, as its own ADF prospect; other returning submissions
 * are skipped). A deal's later updates (`deal_updated`: countered, accepted, …) are deliberately not
 * forwarded again: the CRM has the deal, and the lead's timeline follows it. `analytics` takes what
 * the dashboard counts: arrivals, assignments, and pipeline moves (first responses, sales and losses
 * among them); a returning shopper's submission is not a new lead there.
 */
export const SUBSCRIPTIONS: Readonly<Record<LeadEventType, readonly LeadConsumer[]>> = {
  lead_created: ['timeline', 'route', 'resolve_vehicle', 'crm', 'analytics'],
  duplicate_attached: ['timeline', 'notify_assignee', 'crm'],
  assigned: ['timeline', 'notify_assignee', 'acknowledge', 'analytics'],
  unassigned: ['timeline', 'acknowledge'],
  status_changed: ['timeline', 'analytics'],
  note_added: ['timeline'],
  task_created: ['timeline'],
  task_completed: ['timeline'],
  task_reopened: ['timeline'],
  email_sent: ['timeline'],
  crm_forwarded: ['timeline'],
  deal_updated: ['timeline'],
  deal_activity: ['timeline'],
};
