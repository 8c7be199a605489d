import type {
  FeedFile,
  InvalidParam,
  SyndicationChannel,
  SyndicationSettings,
  WebReadyRule,
} from '@showroom/contracts';
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

/** The web-ready rule as one channel applies it. */
export interface ChannelRule extends WebReadyRule {
  requireExteriorColor: boolean;
}

/**
 * What a channel refuses whatever the dealer's rule says: Google and Meta disapprove a vehicle without
 * a price or an image, and Meta one without an exterior colour, so such a car stays out of their
 * feeds (and their reports say why) even when the dealership's own rule would let it into the
 * marketplace file.
 */
const CHANNEL_NEEDS: Record<
  SyndicationChannel,
  Pick<ChannelRule, 'requirePrice' | 'minPhotos' | 'requireExteriorColor'>
> = {
  google: { requirePrice: true, minPhotos: 1, requireExteriorColor: false },
  meta: { requirePrice: true, minPhotos: 1, requireExteriorColor: true },
  marketplace: { requirePrice: false, minPhotos: 0, requireExteriorColor: false },
};

/** The dealership's rule, tightened to what the channel needs. */
export function channelRule(channel: SyndicationChannel, rule: WebReadyRule): ChannelRule {
  const needs = CHANNEL_NEEDS[channel];
  return {
    requirePrice: rule.requirePrice || needs.requirePrice,
    minPhotos: Math.max(rule.minPhotos, needs.minPhotos),
    requireDescription: rule.requireDescription,
    requireExteriorColor: needs.requireExteriorColor,
  };
}

const ADDRESS_PARTS = ['street', 'city', 'region', 'postalCode'] as const;

/**
 * What the settings lack for the channels they turn on: Google matches a feed to a Business Profile
 * by its store code, and Google and Meta both show (and check) the dealership's full address. Each
 * missing field named as `body.<field>`; none when the settings will do.
 */
export function missingForChannels(settings: SyndicationSettings): InvalidParam[] {
  const { google, meta } = settings.channels;
  const missing: InvalidParam[] = [];
  if (google && !settings.storeCode) {
    missing.push({
      name: 'body.storeCode',
      reason: 'Google needs the store code of the dealership’s Business Profile',
    });
  }
  if (google || meta) {
    const channels = [google && 'Google', meta && 'Meta'].filter(Boolean).join(' and ');
    for (const part of ADDRESS_PARTS) {
      if (!settings.address[part])
        missing.push({
          name: `body.address.${part}`,
          reason: `${channels} need the dealership’s full address`,
        });
    }
  }
  return missing;
}
