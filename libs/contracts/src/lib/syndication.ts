import { z } from 'zod';
import { EXCLUSION_REASONS, SYNDICATION_CHANNELS } from './syndication-options';

export const SyndicationChannelSchema = z.enum(SYNDICATION_CHANNELS);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);

export const FeedAddressSchema = z.strictObject({
  street: optionalText(120),
  city: optionalText(80),
  region: optionalText(80),
  postalCode: optionalText(20),
  /** ISO 3166-1 alpha-2, e.g. US. */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter country code (ISO 3166-1), e.g. US')
    .transform((value) => value.toUpperCase())
    .default('US'),
});
export type FeedAddress = z.output<typeof FeedAddressSchema>;

/** A car is web-ready (and goes into feeds) when it meets the dealership's rule. */
export const WebReadyRuleSchema = z.strictObject({
  requirePrice: z.boolean().default(true),
  minPhotos: z.int().min(0).max(60).default(1),
  requireDescription: z.boolean().default(false),
});
export type WebReadyRule = z.output<typeof WebReadyRuleSchema>;

export const SyndicationSettingsSchema = z.strictObject({
  channels: z
    .strictObject({
      google: z.boolean().default(false),
      meta: z.boolean().default(false),
      marketplace: z.boolean().default(false),
    })
    .default({ google: false, meta: false, marketplace: false }),
  webReady: WebReadyRuleSchema.default({ requirePrice: true, minPhotos: 1, requireDescription: false }),
  /** The store code of the dealership's Google Business Profile (Google's `store_code`). */
  storeCode: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash and underscore only')
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null),
  address: FeedAddressSchema.default({
    street: null,
    city: null,
    region: null,
    postalCode: null,
    country: 'US',
  }),
  /**
   * The dealership's website; a vehicle's link is `<websiteBaseUrl>/vehicles/<id>`. Null: the
   * dealership's Showroom site (see `defaultWebsiteBaseUrl` in the settings answer).
   */
  websiteBaseUrl: z
    .url({ protocol: /^https?$/, message: 'an http(s) address, e.g. https://www.example-motors.com' })
    .max(200)
    .transform((value) => value.replace(/\/+$/, ''))
    .nullable()
    .default(null),
});
export type SyndicationSettingsInput = z.input<typeof SyndicationSettingsSchema>;
export type SyndicationSettings = z.output<typeof SyndicationSettingsSchema>;

/** The settings as saved (what the input schema's transforms produce), for answers. */
export const SavedSyndicationSettingsSchema = z.object({
  channels: z.object({ google: z.boolean(), meta: z.boolean(), marketplace: z.boolean() }),
  webReady: z.object({ requirePrice: z.boolean(), minPhotos: z.int(), requireDescription: z.boolean() }),
  storeCode: z.string().nullable(),
  address: z.object({
    street: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string(),
  }),
  websiteBaseUrl: z.string().nullable(),
});

export const SyndicationSettingsResponseSchema = z.object({
  settings: SavedSyndicationSettingsSchema,
  /** What vehicle links start with while `websiteBaseUrl` is null. */
  defaultWebsiteBaseUrl: z.string(),
  /** The dealership's name as feeds give it (from the dealership directory). */
  dealershipName: z.string(),
});
export type SyndicationSettingsResponse = z.infer<typeof SyndicationSettingsResponseSchema>;

export const FeedFileSchema = z.object({
  name: z.string(),
  format: z.enum(['tsv', 'csv', 'xml']),
  /** The secret public address; anyone holding it can read the feed. */
  url: z.string(),
});
export type FeedFile = z.infer<typeof FeedFileSchema>;

export const ChannelStatusSchema = z.object({
  channel: SyndicationChannelSchema,
  name: z.string(),
  enabled: z.boolean(),
  files: z.array(FeedFileSchema),
  lastGeneratedAt: z.iso.datetime().nullable(),
  included: z.int().nullable(),
  excluded: z.int().nullable(),
  lastRun: z
    .object({
      trigger: z.enum(['change', 'schedule', 'manual', 'settings']),
      bytes: z.int(),
      durationMs: z.int(),
      finishedAt: z.iso.datetime(),
    })
    .nullable(),
});
export type ChannelStatus = z.infer<typeof ChannelStatusSchema>;

export const ChannelListSchema = z.object({
  /** Changes wait for generation (a run follows shortly). */
  pending: z.boolean(),
  channels: z.array(ChannelStatusSchema),
});
export type ChannelList = z.infer<typeof ChannelListSchema>;

export const ExcludedVehicleSchema = z.object({
  vehicleId: z.string(),
  stockNumber: z.string(),
  vin: z.string(),
  title: z.string(),
  reasons: z.array(z.enum(EXCLUSION_REASONS)).min(1),
});
export type ExcludedVehicle = z.infer<typeof ExcludedVehicleSchema>;

export const ChannelReportSchema = z.object({
  channel: SyndicationChannelSchema,
  generatedAt: z.iso.datetime().nullable(),
  included: z.int(),
  excluded: z.array(ExcludedVehicleSchema),
});
export type ChannelReport = z.infer<typeof ChannelReportSchema>;

export const PriceHistoryEntrySchema = z.object({
  fromCents: z.int().nullable(),
  toCents: z.int().nullable(),
  currency: z.string(),
  source: z.enum(['portal', 'import']),
  changedAt: z.iso.datetime(),
});
export type PriceHistoryEntry = z.infer<typeof PriceHistoryEntrySchema>;

export const PriceHistorySchema = z.object({
  vehicleId: z.string(),
  /** Oldest first. */
  entries: z.array(PriceHistoryEntrySchema),
});
export type PriceHistory = z.infer<typeof PriceHistorySchema>;
