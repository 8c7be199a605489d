import type { FeedFile, SyndicationChannel } from '@showroom/contracts';
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
