import {
  DEAL_LEAD_SOURCE,
  leadSourceLabel,
  type ContactMethod,
  type LeadChannel,
  type LeadEventType,
  type LeadIntent,
  type LeadStatus,
  type LeadSummary,
  type LeadVehicle,
  type LostReason,
  type ManualLeadSource,
  type Shopper,
  type TaskKind,
} from '@showroom/contracts';

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  appointment_set: 'Appointment set',
  showroom_visit: 'Showroom visit',
  negotiation: 'Negotiation',
  sold: 'Sold',
  lost: 'Lost',
};

/** The buttons that move a lead: what a salesperson would call the step. */
export const LEAD_STATUS_ACTIONS: Record<LeadStatus, string> = {
  new: 'Back to new',
  contacted: 'Mark contacted',
  appointment_set: 'Set appointment',
  showroom_visit: 'Visited the showroom',
  negotiation: 'In negotiation',
  sold: 'Mark sold',
  lost: 'Mark lost',
};

export const LEAD_INTENT_LABELS: Record<LeadIntent, string> = {
  check_availability: 'Check availability',
  request_quote: 'Request a quote',
  schedule_test_drive: 'Test drive',
  value_trade_in: 'Value my trade-in',
  get_pre_approved: 'Get pre-approved',
  general_contact: 'General question',
  buy_online: 'Buy online',
};

export const LEAD_CHANNEL_LABELS: Record<LeadChannel, string> = {
  website: 'Website',
  adf: 'Marketplace',
  email: 'E-mail',
  manual: 'Entered by staff',
};

export const MANUAL_SOURCE_LABELS: Record<ManualLeadSource, string> = {
  walk_in: 'Walk-in',
  phone: 'Phone',
  referral: 'Referral',
  event: 'Event',
  other: 'Other',
};

export const LOST_REASON_LABELS: Record<LostReason, string> = {
  bought_elsewhere: 'Bought elsewhere',
  no_response: 'No response',
  not_ready: 'Not ready to buy',
  credit_declined: 'Credit declined',
  price: 'Price',
  vehicle_unavailable: 'Vehicle unavailable',
  other: 'Other',
};

export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  email: 'E-mail',
  phone: 'Phone call',
  text: 'Text message',
  any: 'Any way',
};

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  call: 'Call',
  email: 'E-mail',
  text: 'Text',
  appointment: 'Appointment',
  follow_up: 'Follow-up',
};

export const LEAD_EVENT_LABELS: Record<LeadEventType, string> = {
  lead_created: 'Lead arrived',
  duplicate_attached: 'Sent again',
  assigned: 'Assigned',
  unassigned: 'Unassigned',
  status_changed: 'Status changed',
  note_added: 'Note',
  task_created: 'Task added',
  task_completed: 'Task done',
  task_reopened: 'Task reopened',
  email_sent: 'E-mail sent',
  crm_forwarded: 'Sent to the CRM',
  deal_updated: 'Online deal updated',
  deal_activity: 'Online deal',
};

/** A website lead's `source` is `website:<intent>`; staff pick the manual sources. */
export function websiteSource(intent: LeadIntent): string {
  return `website:${intent}`;
}

/** The `source` leads of a website intent carry: a deal submitted online (buy_online) is `digital_retailing`. */
export function websiteSourceOf(intent: LeadIntent): string {
  return intent === 'buy_online' ? DEAL_LEAD_SOURCE : websiteSource(intent);
}

/**
 * The `source` of a lead in words, as the leads service writes it in e-mails and the timeline:
 * "Website · schedule test drive", "Walk-in", or a marketplace's own name ("Cars.com").
 */
export function sourceLabel(source: string): string {
  return source ? leadSourceLabel(source) : '';
}

/** Where a lead came from in one line: the source, with the channel when the source does not say it. */
export function originLabel(lead: Pick<LeadSummary, 'channel' | 'source'>): string {
  const source = sourceLabel(lead.source);
  if (lead.channel === 'website' || lead.channel === 'manual') return source;
  return source ? `${LEAD_CHANNEL_LABELS[lead.channel]} · ${source}` : LEAD_CHANNEL_LABELS[lead.channel];
}

export function shopperName(shopper: Pick<Shopper, 'firstName' | 'lastName'>): string {
  return [shopper.firstName, shopper.lastName].filter(Boolean).join(' ');
}

/** The ways to reach the shopper, the preferred one first. */
export function contactWays(shopper: Shopper): string[] {
  const byPhone = shopper.preferredContact === 'phone' || shopper.preferredContact === 'text';
  const ways = byPhone ? [shopper.phone, shopper.email] : [shopper.email, shopper.phone];
  return ways.filter((way): way is string => Boolean(way));
}

export function contactLine(shopper: Shopper): string {
  return contactWays(shopper).join(' · ');
}

/** "2020 Honda Accord Sport", or the stock number / VIN when inventory had no match. */
export function leadVehicleTitle(vehicle: LeadVehicle | null): string {
  if (!vehicle) return '';
  const title = [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');
  if (title) return title;
  if (vehicle.stockNumber) return `Stock #${vehicle.stockNumber}`;
  return vehicle.vin ? `VIN ${vehicle.vin}` : '';
}
