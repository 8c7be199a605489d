import { z } from 'zod';
import {
  ANALYTICS_CONSENT_RULES,
  ANALYTICS_EVENT_TYPES,
  BUSINESS_EVENT_TYPES,
  MAX_INGEST_EVENTS,
  MAX_REPORT_DAYS,
  MAX_SHOPPER_EVENTS_PER_BATCH,
  SHOPPER_FORMS,
} from './analytics-options';
import { DEAL_KINDS } from './retail-options';
import { MAX_PRICE_CENTS } from './vehicle-options';

/**
 * Analytics (the zod-free values are in analytics-options.ts): business events from the services'
 * outboxes, shopper events from the storefront, the dashboard's reports and the settings behind
 * them. No event carries a shopper's personal data: leads are ids, shoppers are random session ids.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const cents = z.int().min(0).max(MAX_PRICE_CENTS);
const isoTime = z.iso.datetime({ offset: true });
const day = z.iso.date();

// ---------------------------------------------------------------------------------------------
// Events, as every analytics engine stores them (one flat document each)
// ---------------------------------------------------------------------------------------------

/**
 * One analytics event. Flat on purpose: the same fields are the Elasticsearch mapping, the embedded
 * engine's columns, the warehouse's Parquet and Redshift table. Fields that do not apply are null.
 */
export const AnalyticsEventSchema = z.strictObject({
  /** Unique and stable: the producer's outbox id (`leads:…`, `inventory:…`, `retail:…`) or a shopper event's id. Storing the same id twice keeps one. */
  id: text(120),
  dealershipId: z.uuid(),
  type: z.enum(ANALYTICS_EVENT_TYPES),
  occurredAt: isoTime,
  /**
   * Marketing source. A shopper event's: its visit's traffic source (utm_source, referrer or
   * `direct`). A lead's: the traffic source of the website visit it came from when there is one,
   * else the lead's own source (the ADF provider, `walk_in`, `phone`, `digital_retailing`…).
   */
  source: text(80).nullable(),
  /** A lead's channel (website, adf, email, manual). */
  channel: text(20).nullable(),
  leadId: z.uuid().nullable(),
  vehicleId: z.uuid().nullable(),
  dealId: z.uuid().nullable(),
  /** The salesperson the lead was assigned to (or who answered it) when it happened. */
  salespersonId: text(128).nullable(),
  salespersonName: text(120).nullable(),
  /** A shopper's random per-visit id; never derived from who they are. */
  sessionId: text(64).nullable(),
  /** The lead status reached (lead_status_changed, lead_sold, lead_lost). */
  status: text(30).nullable(),
  lostReason: text(40).nullable(),
  /** Seconds from a lead's arrival to its first response (lead_first_response). */
  responseSeconds: z.int().min(0).nullable(),
  /** A vehicle's price at the event (listed, price changed, sold), or a deal's selling price. */
  priceCents: cents.nullable(),
  /** Whole days from listing to the sale or removal (vehicle_sold, vehicle_removed). */
  daysOnLot: z.int().min(0).nullable(),
  /** When the vehicle was listed (vehicle_* events): inventory aging counts from it. */
  listedAt: isoTime.nullable(),
  vehicleCondition: text(20).nullable(),
  make: text(40).nullable(),
  model: text(60).nullable(),
  year: z.int().min(1900).max(2100).nullable(),
  /** What a shopper searched for, normalised ("toyota tacoma · body: truck"), with personal data removed. */
  searchTerms: text(200).nullable(),
  resultCount: z.int().min(0).nullable(),
  form: z.enum(SHOPPER_FORMS).nullable(),
  dealKind: z.enum(DEAL_KINDS).nullable(),
  /** How many events this one stands for: 1 / the sample rate of the visit (1 for business events). */
  weight: z.number().min(1).max(1000),
});
export type AnalyticsEvent = z.infer<typeof AnalyticsEventSchema>;

/** Every field of an event, null: producers spread it and set what applies. */
export const EMPTY_EVENT_FIELDS = {
  source: null,
  channel: null,
  leadId: null,
  vehicleId: null,
  dealId: null,
  salespersonId: null,
  salespersonName: null,
  sessionId: null,
  status: null,
  lostReason: null,
  responseSeconds: null,
  priceCents: null,
  daysOnLot: null,
  listedAt: null,
  vehicleCondition: null,
  make: null,
  model: null,
  year: null,
  searchTerms: null,
  resultCount: null,
  form: null,
  dealKind: null,
  weight: 1,
} as const satisfies Omit<AnalyticsEvent, 'id' | 'dealershipId' | 'type' | 'occurredAt'>;

/** Internal ingest (`POST /internal/analytics/events`): business events from a service's outbox relay. */
export const BusinessEventBatchSchema = z.strictObject({
  events: z
    .array(AnalyticsEventSchema.extend({ type: z.enum(BUSINESS_EVENT_TYPES) }))
    .min(1)
    .max(MAX_INGEST_EVENTS),
});
export type BusinessEventBatch = z.infer<typeof BusinessEventBatchSchema>;
export const IngestResultSchema = z.object({ accepted: z.int() });
export type IngestResult = z.infer<typeof IngestResultSchema>;

// ---------------------------------------------------------------------------------------------
// Shopper events (public collection from the storefront)
// ---------------------------------------------------------------------------------------------

const at = isoTime;
const vehicleId = z.uuid();
/** A shopper's filter, as the search page's URL has it (`make` → `Toyota`). */
const filters = z.record(text(30), text(80)).refine((f) => Object.keys(f).length <= 12, 'at most 12 filters');

export const ShopperEventInputSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('search'),
    at,
    query: z.string().trim().max(100).optional(),
    filters: filters.optional(),
    resultCount: z.int().min(0).max(1_000_000),
  }),
  z.strictObject({ type: z.literal('vehicle_view'), at, vehicleId }),
  z.strictObject({ type: z.literal('gallery_open'), at, vehicleId }),
  z.strictObject({
    type: z.literal('form_start'),
    at,
    form: z.enum(SHOPPER_FORMS),
    vehicleId: vehicleId.optional(),
  }),
  z.strictObject({
    type: z.literal('form_submit'),
    at,
    form: z.enum(SHOPPER_FORMS),
    vehicleId: vehicleId.optional(),
  }),
  z.strictObject({
    type: z.literal('calculator_use'),
    at,
    vehicleId: vehicleId.optional(),
    dealKind: z.enum(DEAL_KINDS).optional(),
  }),
]);
export type ShopperEventInput = z.infer<typeof ShopperEventInputSchema>;

/**
 * A visit's traffic source as the storefront names it (utm_source, else the referrer's host, else
 * `direct`): one rule for the shopper events' batch and for the website lead that visit sends, so
 * the two meet on one funnel row.
 */
export const TrafficSourceSchema = z.string().trim().toLowerCase().max(80);

/**
 * What the storefront's tracker posts (`POST /api/analytics/public/dealerships/:dealershipId/events`),
 * with `navigator.sendBeacon` or `fetch(…, {keepalive: true})`.
 */
export const ShopperEventBatchSchema = z.strictObject({
  /** Random per visit (crypto.randomUUID in the tab's sessionStorage). */
  sessionId: z.string().regex(/^[A-Za-z0-9-]{16,64}$/, 'a random id of 16 to 64 letters, digits or dashes'),
  /** The visit's traffic source: utm_source, else the referrer's host, else `direct`. */
  source: TrafficSourceSchema.optional(),
  /** The share of visits the site sends (the dealership's sample rate when the visit began). */
  sampleRate: z.number().gt(0).max(1),
  /** Under an `opt_in` rule the batch must say the shopper accepted; anything else is dropped. */
  consent: z.enum(['granted', 'implied']),
  events: z.array(ShopperEventInputSchema).min(1).max(MAX_SHOPPER_EVENTS_PER_BATCH),
});
export type ShopperEventBatch = z.infer<typeof ShopperEventBatchSchema>;

/** What the storefront asks before it tracks anything (`GET …/dealerships/:dealershipId/collection`). */
export const CollectionRulesSchema = z.object({
  consent: z.enum(ANALYTICS_CONSENT_RULES),
  sampleRate: z.number().gt(0).max(1),
});
export type CollectionRules = z.infer<typeof CollectionRulesSchema>;

/** The answer to a batch: how many events were kept (bots, prefetches and refused consent keep none). */
export const CollectionResultSchema = z.object({ accepted: z.int() });
export type CollectionResult = z.infer<typeof CollectionResultSchema>;

// ---------------------------------------------------------------------------------------------
// Settings: the dealership's target and costs
// ---------------------------------------------------------------------------------------------

export const AnalyticsSettingsSchema = z.object({
  /** The first-response goal the dashboard measures salespeople against. */
  firstResponseTargetMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  consent: z.enum(ANALYTICS_CONSENT_RULES),
  /** Share of storefront visits tracked (1 = all); lower it for very busy sites. */
  sampleRate: z.number().min(0.01).max(1),
  updatedAt: isoTime.nullable(),
});
export type AnalyticsSettings = z.infer<typeof AnalyticsSettingsSchema>;
export const AnalyticsSettingsInputSchema = z.strictObject(
  AnalyticsSettingsSchema.omit({ updatedAt: true }).shape,
);
export type AnalyticsSettingsInput = z.infer<typeof AnalyticsSettingsInputSchema>;

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** What a dealer paid a lead source in one month (a marketplace subscription, ad spend). */
export const SourceCostSchema = z.strictObject({ source: text(80), costCents: cents });
export type SourceCost = z.infer<typeof SourceCostSchema>;

export const SourceCostsSchema = z.object({
  month: MonthSchema,
  currency: z.literal('USD'),
  costs: z.array(SourceCostSchema),
  /** Sources that sent leads that month, so the form can offer them. */
  knownSources: z.array(z.string()),
});
export type SourceCosts = z.infer<typeof SourceCostsSchema>;
/** `PUT /api/analytics/source-costs/:month`: the month's costs, replacing what was there. */
export const SourceCostsInputSchema = z
  .strictObject({ costs: z.array(SourceCostSchema).max(100) })
  .refine((input) => new Set(input.costs.map((c) => c.source)).size === input.costs.length, {
    path: ['costs'],
    message: 'each source at most once',
  });
export type SourceCostsInput = z.infer<typeof SourceCostsInputSchema>;

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

/** Every report takes the same query. Dates are calendar days in the dealership's time zone, inclusive. */
export const ReportQuerySchema = z
  .strictObject({
    from: day,
    to: day,
    /** `previous`: also the period of the same length just before, for comparison. */
    compare: z.enum(['previous', 'none']).default('previous'),
    /** `group`: every rooftop of the caller's dealer group they may see reports of. */
    scope: z.enum(['rooftop', 'group']).default('rooftop'),
    /** A manager narrowing to one salesperson; salespeople are always narrowed to themselves. */
    salespersonId: text(128).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to must not be before from' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    path: ['to'],
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
  });
export type ReportQuery = z.output<typeof ReportQuerySchema>;
export type ReportParams = z.input<typeof ReportQuerySchema>;

const count = z.number().min(0);
const nullableSeconds = z.number().min(0).nullable();

/** What every report says about itself: the period, the one compared with, and whose figures these are. */
export const ReportMetaSchema = z.object({
  from: day,
  to: day,
  previousFrom: day.nullable(),
  previousTo: day.nullable(),
  timeZone: z.string(),
  dealershipIds: z.array(z.uuid()),
  /** Set when the figures are one salesperson's (always, for a salesperson). */
  salespersonId: z.string().nullable(),
});
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

/** A figure and the same figure over the previous period (null when not compared). */
const compared = z.object({ current: count, previous: count.nullable() });

export const LeadsBySourceReportSchema = z.object({
  meta: ReportMetaSchema,
  days: z.array(z.object({ day, source: z.string(), leads: count })),
  sources: z.array(z.object({ source: z.string(), leads: compared })),
  total: compared,
});
export type LeadsBySourceReport = z.infer<typeof LeadsBySourceReportSchema>;

export const FunnelStepsSchema = z.object({
  vehicleViews: count,
  leads: count,
  appointments: count,
  sold: count,
});
export type FunnelSteps = z.infer<typeof FunnelStepsSchema>;
export const FunnelReportSchema = z.object({
  meta: ReportMetaSchema,
  sources: z.array(FunnelStepsSchema.extend({ source: z.string() })),
  total: FunnelStepsSchema,
  previousTotal: FunnelStepsSchema.nullable(),
});
export type FunnelReport = z.infer<typeof FunnelReportSchema>;

export const ResponseTimesSchema = z.object({
  responses: count,
  medianSeconds: nullableSeconds,
  p90Seconds: nullableSeconds,
  /** Responses within the dealership's target. */
  withinTarget: count,
});
export type ResponseTimes = z.infer<typeof ResponseTimesSchema>;
export const FirstResponseReportSchema = z.object({
  meta: ReportMetaSchema,
  targetMinutes: z.int(),
  salespeople: z.array(
    ResponseTimesSchema.extend({ salespersonId: z.string(), salespersonName: z.string().nullable() }),
  ),
  overall: ResponseTimesSchema,
  previousOverall: ResponseTimesSchema.nullable(),
});
export type FirstResponseReport = z.infer<typeof FirstResponseReportSchema>;

/** Sales over leads in the same period (a period's closing ratio, as dealers count it). */
export const CloseRateSchema = z.object({ leads: count, sold: count, rate: z.number().min(0).nullable() });
export type CloseRate = z.infer<typeof CloseRateSchema>;
export const CloseRateReportSchema = z.object({
  meta: ReportMetaSchema,
  sources: z.array(CloseRateSchema.extend({ source: z.string() })),
  salespeople: z.array(
    CloseRateSchema.extend({ salespersonId: z.string(), salespersonName: z.string().nullable() }),
  ),
  overall: CloseRateSchema,
  previousOverall: CloseRateSchema.nullable(),
});
export type CloseRateReport = z.infer<typeof CloseRateReportSchema>;

export const SourceCostRowSchema = z.object({
  source: z.string(),
  /** The monthly costs entered, prorated to the days of the period that fall in each month. */
  costCents: z.int().min(0),
  leads: count,
  sold: count,
  costPerLeadCents: z.int().nullable(),
  costPerSaleCents: z.int().nullable(),
});
export type SourceCostRow = z.infer<typeof SourceCostRowSchema>;
export const SourceCostReportSchema = z.object({
  meta: ReportMetaSchema,
  currency: z.literal('USD'),
  sources: z.array(SourceCostRowSchema),
  total: SourceCostRowSchema.omit({ source: true }),
  previousTotal: SourceCostRowSchema.omit({ source: true }).nullable(),
});
export type SourceCostReport = z.infer<typeof SourceCostReportSchema>;

export const InventoryAgingReportSchema = z.object({
  meta: ReportMetaSchema,
  /** The lot as of the end of the period, by days since listing (AGING_BUCKETS, in order). */
  buckets: z.array(
    z.object({ label: z.string(), fromDays: z.int(), toDays: z.int().nullable(), vehicles: count }),
  ),
  /** Vehicles sold in the period and how long each had been listed. */
  daysToSell: z.object({
    sold: count,
    medianDays: z.number().nullable(),
    averageDays: z.number().nullable(),
  }),
  previousDaysToSell: z
    .object({ sold: count, medianDays: z.number().nullable(), averageDays: z.number().nullable() })
    .nullable(),
});
export type InventoryAgingReport = z.infer<typeof InventoryAgingReportSchema>;

export const NoResultSearchesReportSchema = z.object({
  meta: ReportMetaSchema,
  searches: z.array(
    z.object({ terms: z.string(), searches: count, sessions: count, lastSearchedAt: isoTime }),
  ),
  /** All searches and those with no results, over the period. */
  totalSearches: compared,
  noResultSearches: compared,
});
export type NoResultSearchesReport = z.infer<typeof NoResultSearchesReportSchema>;

export const RooftopsReportSchema = z.object({
  meta: ReportMetaSchema,
  rooftops: z.array(
    z.object({
      dealershipId: z.uuid(),
      dealershipName: z.string().nullable(),
      vehicleViews: count,
      leads: compared,
      sold: compared,
      medianFirstResponseSeconds: nullableSeconds,
    }),
  ),
});
export type RooftopsReport = z.infer<typeof RooftopsReportSchema>;
