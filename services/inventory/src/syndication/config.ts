import { z } from 'zod';

/** Syndication's variables (spread into the inventory config). */
export const syndicationConfigShape = {
  /** A vehicle change waits this long before its dealership's feeds are regenerated (changes come in bursts). */
  SYNDICATION_DEBOUNCE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** Every dealership's feeds are regenerated at least this often, changed or not (prices of channels age). */
  SYNDICATION_FULL_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  /** How often the generating instance reads the change feed and looks for due dealerships. */
  SYNDICATION_FOLLOW_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  /**
   * A dealership's website, when its settings name none: `{dealershipId}` is replaced. Vehicle links
   * in feeds are `<website>/vehicles/<vehicleId>`.
   */
  SYNDICATION_DEFAULT_WEBSITE_URL: z
    .string()
    .regex(/^https?:\/\/\S*\{dealershipId\}\S*$/, 'an http(s) address holding {dealershipId}')
    .default('https://{dealershipId}.sites.showroom.dev'),
};

export type SyndicationConfig = {
  [K in keyof typeof syndicationConfigShape]: z.infer<(typeof syndicationConfigShape)[K]>;
};
