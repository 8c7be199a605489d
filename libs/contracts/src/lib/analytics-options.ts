/**
 * Analytics' plain values: event types, report names, limits and scopes. Zod-free (ADR 3), so the
 * storefront's tracker and the portal's dashboard import them without the schemas of analytics.ts.
 */

/**
 * Business events: what the services' outboxes already record, delivered to analytics once in
 * effect (each carries the id of the outbox row it came from). A lead's move to sold or lost is its
 * own type, so "sold" never needs the status to be read.
 */
export const BUSINESS_EVENT_TYPES = [
  'lead_created',
  'lead_assigned',
  'lead_first_response',
  'lead_status_changed',
  'lead_sold',
  'lead_lost',
  'vehicle_listed',
  'vehicle_price_changed',
  'vehicle_sold',
  'vehicle_removed',
  'deal_submitted',
] as const;
export type BusinessEventType = (typeof BUSINESS_EVENT_TYPES)[number];

/** What a shopper does on a dealership's website, sent by the storefront to the public collection route. */
export const SHOPPER_EVENT_TYPES = [
  'search',
  'vehicle_view',
  'gallery_open',
  'form_start',
  'form_submit',
  'calculator_use',
] as const;
export type ShopperEventType = (typeof SHOPPER_EVENT_TYPES)[number];

export const ANALYTICS_EVENT_TYPES = [...BUSINESS_EVENT_TYPES, ...SHOPPER_EVENT_TYPES] as const;
export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number];

/** The storefront forms a shopper can start and send. */
export const SHOPPER_FORMS = ['lead', 'deal', 'trade_in', 'credit'] as const;
export type ShopperForm = (typeof SHOPPER_FORMS)[number];

/**
 * A dealership's consent rule for shopper analytics: `implied` counts every visit that does not
 * signal opt-out (Global Privacy Control); `opt_in` counts a visit only after the shopper accepts
 * the site's analytics banner.
 */
export const ANALYTICS_CONSENT_RULES = ['implied', 'opt_in'] as const;
export type AnalyticsConsentRule = (typeof ANALYTICS_CONSENT_RULES)[number];

/** The dashboard's reports; each is one route (`GET /api/analytics/reports/<name>`), one card and one CSV. */
export const ANALYTICS_REPORTS = [
  'leads-by-source',
  'funnel',
  'first-response',
  'close-rate',
  'source-costs',
  'inventory-aging',
  'no-result-searches',
  'rooftops',
] as const;
export type AnalyticsReportName = (typeof ANALYTICS_REPORTS)[number];

/** Inventory aging buckets, by whole days since the vehicle was listed: [from, to] inclusive, `to` null = open. */
export const AGING_BUCKETS = [
  { label: '0–30 days', fromDays: 0, toDays: 30 },
  { label: '31–60 days', fromDays: 31, toDays: 60 },
  { label: '61–90 days', fromDays: 61, toDays: 90 },
  { label: 'Over 90 days', fromDays: 91, toDays: null },
] as const;

/** The traffic source of a visit that came with no campaign tag and no referrer. */
export const DIRECT_TRAFFIC_SOURCE = 'direct';

/** Most events in one collection batch, and most bytes in its body. */
export const MAX_SHOPPER_EVENTS_PER_BATCH = 50;
export const MAX_SHOPPER_BATCH_BYTES = 16 * 1024;
/** Most business events in one internal ingest call. */
export const MAX_INGEST_EVENTS = 500;
/** The longest range one report covers. */
export const MAX_REPORT_DAYS = 366;
/** Rows a list report (no-result searches) returns at most. */
export const MAX_REPORT_ROWS = 50;
export const DEFAULT_FIRST_RESPONSE_TARGET_MINUTES = 15;

/** The machine scope a service needs to post business events to analytics' internal ingest route. */
export const WRITE_ANALYTICS_EVENTS_SCOPE = 'write:analytics-events';

// ---------------------------------------------------------------------------------------------
// Personal data in search text (the storefront's tracker and the collection route, by one rule)
// ---------------------------------------------------------------------------------------------

/** Anything with an @ in it: addresses, including half-typed ones ("jane@gmail"), and handles. */
const AT_SIGN_WORD = /\S*@\S*/g;
/** A word holding six or more digits in a row: card, account and phone numbers without separators. */
const LONG_DIGIT_WORD = /\S*\d{6,}\S*/g;
/** Digits in groups split by spaces, dots, dashes, slashes or brackets (`+1 (555) 123-4567`, `12/05/1990`). */
const DIGIT_GROUPS = /\+?\(?\d[\d\s().\-/]*\d\)?/g;
const MODEL_YEAR = /^(19|20)\d\d$/;

/**
 * A run of digit groups is a phone number, social security number or date of birth when it has at
 * least seven digits, no group longer than four (a price or mileage has more) and not only model
 * years ("2018-2020 tacoma" and "2019 30000" stay).
 */
function looksPersonal(run: string): boolean {
  const groups = run.match(/\d+/g) ?? [];
  if (groups.join('').length < 7) return false;
  if (groups.some((group) => group.length > 4)) return false;
  return !groups.every((group) => MODEL_YEAR.test(group));
}

/**
 * Search text without what could identify the shopper: e-mail addresses, phone numbers (and social
 * security numbers, dates of birth) and long digit runs (card and account numbers); spaces
 * collapsed. A search box invites pasting, and search text reaches the dashboard, Kibana and the
 * warehouse. The storefront cleans a search before it leaves the browser, the collection route
 * again before it is stored (a site running an older tracker must not be the way in).
 */
export function scrubSearchText(text: string): string {
  return text
    .replace(AT_SIGN_WORD, ' ')
    .replace(LONG_DIGIT_WORD, ' ')
    .replace(DIGIT_GROUPS, (run) => (looksPersonal(run) ? ' ' : run))
    .replace(/\s+/g, ' ')
    .trim();
}
