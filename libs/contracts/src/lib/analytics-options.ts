/**
 * Analytics' plain values: event types, report names, limits and scopes. Zod-free (ADR 3), so the
 * storefront's tracker and the portal's dashboard import them without the schemas of analytics.ts.
 */
import { FIRST_MODEL_YEAR, MAX_MILEAGE, MAX_PRICE_CENTS, type RangeFacet } from './vehicle-options';

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
/**
 * A word holding seven or more digits in a row: card, account and phone numbers without separators
 * (seven is the shortest, a local phone number). Six-digit figures ("under 150000 miles") are kept.
 */
const LONG_DIGIT_WORD = /\S*\d{7,}\S*/g;
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
 * Free search text without what could identify the shopper: e-mail addresses, phone numbers (and
 * social security numbers, dates of birth) and long digit runs (card and account numbers); spaces
 * collapsed. A search box invites pasting, and search text reaches the dashboard, Kibana and the
 * warehouse. The storefront cleans a search before it leaves the browser, the collection route
 * again before it is stored (a site running an older tracker must not be the way in). Filter
 * values go through scrubSearchFilter, which keeps the figures of a range filter.
 */
export function scrubSearchText(text: string): string {
  return text
    .replace(AT_SIGN_WORD, ' ')
    .replace(LONG_DIGIT_WORD, ' ')
    .replace(DIGIT_GROUPS, (run) => (looksPersonal(run) ? ' ' : run))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The figures each range filter of a search may hold, in the unit the tracker writes: a model year,
 * a price in whole dollars (the search itself takes cents), a mileage. The same limits as the
 * inventory search, so any range a shopper can set is kept; one keyed by RANGE_FACETS, so a new
 * range facet cannot be left out.
 */
const SEARCH_RANGE_LIMITS: Record<RangeFacet, { min: number; max: number }> = {
  year: { min: FIRST_MODEL_YEAR, max: 2100 },
  price: { min: 0, max: MAX_PRICE_CENTS / 100 },
  mileage: { min: 0, max: MAX_MILEAGE },
};
/** A whole number as the tracker writes one: no sign, no separators, no leading zero. */
const FIGURE = '(0|[1-9]\\d{0,9})';
/** `from–to` with an en dash, either bound left out: "100000–150000", "2018–", "–30000". */
const RANGE_VALUE = new RegExp(`^${FIGURE}?–${FIGURE}?$`);

/** A range filter's value as the tracker sends it and the collection route keeps it ("price: 25000–100000"). */
export function searchRangeValue(from: number | undefined, to: number | undefined): string {
  return `${from ?? ''}–${to ?? ''}`;
}

/**
 * A search filter's value without what could identify the shopper. The value of a range filter
 * (year, price, mileage) that is a range of figures the search allows is kept as it is: the site's
 * own controls set it, and "price: 100000–150000" is what a dealer needs to read, not a card
 * number. Any other value (a make, a model, whatever an older or forged tracker sends) is free text
 * to scrubSearchText.
 */
export function scrubSearchFilter(name: string, value: string): string {
  const limits = rangeLimitsOf(name);
  return limits && isRangeWithin(value.trim(), limits) ? value.trim() : scrubSearchText(value);
}

function rangeLimitsOf(name: string): { min: number; max: number } | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(SEARCH_RANGE_LIMITS, key) ? SEARCH_RANGE_LIMITS[key as RangeFacet] : undefined;
}

/** At least one bound, each within the limits, the lower not above the upper (the search refuses that). */
function isRangeWithin(value: string, limits: { min: number; max: number }): boolean {
  const match = RANGE_VALUE.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return false;
  const [from, to] = [match[1], match[2]].map((bound) => (bound === undefined ? undefined : Number(bound)));
  const within = (bound: number | undefined) =>
    bound === undefined || (bound >= limits.min && bound <= limits.max);
  return within(from) && within(to) && (from === undefined || to === undefined || from <= to);
}
