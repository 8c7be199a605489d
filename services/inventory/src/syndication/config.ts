import { configInt } from '@showroom/server-kit';
import { z } from 'zod';

/** Syndication's variables (spread into the inventory config). */
export const syndicationConfigShape = {
  /** A vehicle change waits this long before its dealership's feeds are regenerated (changes come in bursts). */
  SYNDICATION_DEBOUNCE_MS: configInt(0, 3_600_000, 60_000),
  /** Every dealership's feeds are regenerated at least this often, changed or not (prices of channels age). */
  SYNDICATION_FULL_INTERVAL_MINUTES: configInt(1, 10_080, 60),
  /** How often the generating instance reads the change feed and looks for due dealerships. */
  SYNDICATION_FOLLOW_INTERVAL_MS: configInt(10, 600_000, 5_000),
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
