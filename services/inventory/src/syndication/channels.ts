import type { FeedFile, SyndicationChannel, WebReadyRule } from '@showroom/contracts';
import type { FeedContext, FeedVehicle } from './feed-vehicle';
import { googleFeedTsv } from './google-feed';
import { marketplaceFeedCsv } from './marketplace-feed';
import { metaFeedCsv, metaFeedXml } from './meta-feed';

export interface ChannelFile {
  name: string;
  format: FeedFile['format'];
  contentType: string;
  generate(vehicles: readonly FeedVehicle[], context: FeedContext): string;
}

/** The files each channel publishes. */
export const CHANNEL_FILES: Record<SyndicationChannel, readonly ChannelFile[]> = {
  google: [
    {
      name: 'google-vehicle-ads.tsv',
      format: 'tsv',
      contentType: 'text/tab-separated-values; charset=utf-8',
      generate: googleFeedTsv,
    },
  ],
  meta: [
    {
      name: 'meta-automotive.csv',
      format: 'csv',
      contentType: 'text/csv; charset=utf-8',
      generate: metaFeedCsv,
    },
    {
      name: 'meta-automotive.xml',
      format: 'xml',
      contentType: 'application/xml; charset=utf-8',
      generate: metaFeedXml,
    },
  ],
  marketplace: [
    {
      name: 'marketplace.csv',
      format: 'csv',
      contentType: 'text/csv; charset=utf-8',
      generate: marketplaceFeedCsv,
    },
  ],
};

/**
 * What a channel refuses whatever the dealer's rule says: Google and Meta disapprove a vehicle without
 * a price or an image, so such a car stays out of their feeds (and their reports say why) even when
 * the dealership's own rule would let it into the marketplace file.
 */
const CHANNEL_NEEDS: Record<SyndicationChannel, Pick<WebReadyRule, 'requirePrice' | 'minPhotos'>> = {
  google: { requirePrice: true, minPhotos: 1 },
  meta: { requirePrice: true, minPhotos: 1 },
  marketplace: { requirePrice: false, minPhotos: 0 },
};

/** The dealership's rule, tightened to what the channel needs. */
export function channelRule(channel: SyndicationChannel, rule: WebReadyRule): WebReadyRule {
  const needs = CHANNEL_NEEDS[channel];
  return {
    requirePrice: rule.requirePrice || needs.requirePrice,
    minPhotos: Math.max(rule.minPhotos, needs.minPhotos),
    requireDescription: rule.requireDescription,
  };
}
