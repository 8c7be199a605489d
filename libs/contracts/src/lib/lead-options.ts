/** Lead vocabularies, free of zod so the portal can import them without the schema library. */

export const LEAD_STATUSES = [
  'new',
  'contacted',
  'appointment_set',
  'showroom_visit',
  'negotiation',
  'sold',
  'lost',
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = [
  'new',
  'contacted',
  'appointment_set',
  'showroom_visit',
  'negotiation',
];

/**
 * The pipeline's allowed moves. Forward steps may be skipped where a shopper does (a walk-in goes
 * straight to the showroom); a lost lead can be reopened as contacted; a sale is final.
 */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['contacted', 'appointment_set', 'showroom_visit', 'lost'],
  contacted: ['appointment_set', 'showroom_visit', 'negotiation', 'lost'],
  appointment_set: ['contacted', 'showroom_visit', 'lost'],
  showroom_visit: ['appointment_set', 'negotiation', 'sold', 'lost'],
  negotiation: ['showroom_visit', 'sold', 'lost'],
  sold: [],
  lost: ['contacted'],
};

export function canMoveLead(from: LeadStatus, to: LeadStatus): boolean {
  return LEAD_TRANSITIONS[from].includes(to);
}

export const LOST_REASONS = [
  'bought_elsewhere',
  'no_response',
  'not_ready',
  'credit_declined',
  'price',
  'vehicle_unavailable',
  'other',
] as const;
export type LostReason = (typeof LOST_REASONS)[number];

/** What a dealership website form asks for. */
export const LEAD_INTENTS = [
  'check_availability',
  'request_quote',
  'schedule_test_drive',
  'value_trade_in',
  'get_pre_approved',
  'general_contact',
  /** A deal worked out online (digital retailing) and submitted: the lead carries the deal. */
  'buy_online',
] as const;
export type LeadIntent = (typeof LEAD_INTENTS)[number];

/** How a lead reached the dealership. The finer `source` says who or what sent it. */
export const LEAD_CHANNELS = ['website', 'adf', 'email', 'manual'] as const;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];

/** Sources a person can pick when entering a lead by hand. */
export const MANUAL_LEAD_SOURCES = ['walk_in', 'phone', 'referral', 'event', 'other'] as const;
export type ManualLeadSource = (typeof MANUAL_LEAD_SOURCES)[number];

export const CONTACT_METHODS = ['email', 'phone', 'text', 'any'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const TASK_KINDS = ['call', 'email', 'text', 'appointment', 'follow_up'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const LEAD_SORTS = ['newest', 'oldest', 'last_activity', 'follow_up'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export const LEAD_EVENT_TYPES = [
  'lead_created',
  'duplicate_attached',
  'assigned',
  'unassigned',
  'status_changed',
  'note_added',
  'task_created',
  'task_completed',
  'task_reopened',
  'email_sent',
  'crm_forwarded',
  /** The lead's online deal changed: countered, accepted, a trade or reservation added. */
  'deal_updated',
  /** Something happened on the lead's online deal (e.g. its credit application was opened by someone). */
  'deal_activity',
] as const;
export type LeadEventType = (typeof LEAD_EVENT_TYPES)[number];

/**
 * `data.reason` of the `assigned` or `unassigned` event of an open lead that went back to
 * round-robin because its assignee was deactivated (`data.previous` names them).
 */
export const ASSIGNEE_DEACTIVATED_REASON = 'assignee_deactivated';

/** A duplicate is a new submission matching an open lead's contact within this window. */
export const DUPLICATE_WINDOW_DAYS = 30;
export const MAX_LEAD_PAGE_SIZE = 100;
export const MAX_TIMELINE_PAGE_SIZE = 100;
/** The website form's hidden field: people never fill it, form-filling bots do. */
export const HONEYPOT_FIELD = 'homepage';
/** The `source` of a lead opened by a deal a shopper submitted online (digital retailing). */
export const DEAL_LEAD_SOURCE = 'digital_retailing';
/** The ADF ingest key is sent as `Authorization: Bearer <key>`; keys start with this prefix. */
export const INGEST_KEY_PREFIX = 'srk_';

const MANUAL_SOURCE_LABELS: Record<ManualLeadSource, string> = {
  walk_in: 'Walk-in',
  phone: 'Phone',
  referral: 'Referral',
  event: 'Event',
  other: 'Other',
};

/** How a lead's `source` reads to a person: "Website · schedule test drive", "Walk-in", "Cars.com". */
export function leadSourceLabel(source: string): string {
  if (source.startsWith('website:')) return `Website · ${source.slice('website:'.length).replace(/_/g, ' ')}`;
  if (source === DEAL_LEAD_SOURCE) return 'Website · online deal';
  return MANUAL_SOURCE_LABELS[source as ManualLeadSource] ?? source;
}
