import type { Kysely } from 'kysely';
import { SYNDICATION_CHANNELS, type SyndicationChannel, type SyndicationSettings } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { mediaUrl, type ObjectStore } from '@showroom/server-storage';
import type { InventoryDatabase } from '../database';
import { recordMediaDeletion } from '../photos/media-deletions';
import type { PhotoUrls } from '../photos/photo-keys';
import type { RooftopDirectory } from '../rooftops/rooftop-directory';
import { toPublicVehicle } from '../vehicles/public-vehicle';
import { vehicleFromRow } from '../vehicles/vehicle-row';
import { CHANNEL_FILES, channelRule } from './channels';
import type { FeedContext, FeedVehicle } from './feed-vehicle';
import { SyndicationRepository, type LotVehicleRow, type RunTrigger } from './repository';
import { selectForFeed } from './web-ready';

/**
 * A minute at the edge: channels fetch on their own schedule, and an address whose secret was rotated
 * (its objects deleted) stops answering from the CDN's cache within that minute.
 */
export const FEED_CACHE_CONTROL = 'public, max-age=60';

/** `feeds/<dealershipId>/<secret>/`: everything under it is public to whoever holds the secret. */
export const feedPrefix = (dealershipId: string, secret: string): string =>
  `feeds/${dealershipId}/${secret}/`;

export interface FeedPublisherOptions {
  writer: Kysely<InventoryDatabase>;
  objects: ObjectStore;
  rooftops: RooftopDirectory;
  photoUrls: PhotoUrls;
  mediaPublicUrl: string;
  defaultWebsiteUrl: string;
  clock?: () => Date;
}

/** What one generation did. */
export interface GenerationResult {
  channels: Array<{ channel: SyndicationChannel; included: number; excluded: number; bytes: number }>;
}

/**
 * Generates and stores one dealership's feeds. The directory's answer, the lot and the S3 puts happen
 * outside any transaction (a slow users service or S3 holds no lock and no pooled connection); the run
 * then records its reports in a short transaction, fenced: only if the settings and secret are still
 * the ones it read. Otherwise the run after the change owns the feeds: this one records nothing,
 * retires files it wrote under a rotated secret, and marks the dealership for the scheduler. Runs that
 * overlap (the scheduler's and a dealer's) both record; the one that started first and finished last
 * marks the dealership dirty, so its possibly older files are soon rewritten.
 */
export class FeedPublisher {
  private readonly clock: () => Date;

  constructor(private readonly options: FeedPublisherOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** The dealership's website address when its settings name none. */
  defaultWebsiteBaseUrl(dealershipId: string): string {
    return this.options.defaultWebsiteUrl.replace('{dealershipId}', dealershipId).replace(/\/+$/, '');
  }

  publicUrl(dealershipId: string, secret: string, file: string): string {
    return mediaUrl(this.options.mediaPublicUrl, `${feedPrefix(dealershipId, secret)}${file}`);
  }

  /**
   * Regenerates every enabled channel and removes the files of disabled ones; null without settings,
   * or when the settings changed while it ran (the run after that change publishes).
   */
  async generate(dealershipId: string, trigger: RunTrigger): Promise<GenerationResult | null> {
    const stored = await new SyndicationRepository(this.options.writer).settings(dealershipId);
    if (!stored) return null;
    const startedAt = this.clock();
    const [lot, context] = await Promise.all([
      new SyndicationRepository(this.options.writer).lot(dealershipId),
      this.context(dealershipId, stored.settings),
    ]);
    const vehicles = lot.map((vehicle) => feedVehicleOf(vehicle, startedAt, this.options.photoUrls));
    const prefix = feedPrefix(dealershipId, stored.secret);
    const enabled = SYNDICATION_CHANNELS.filter((channel) => stored.settings.channels[channel]);
    const disabled = SYNDICATION_CHANNELS.filter((channel) => !enabled.includes(channel));
    await this.options.objects.delete(
      disabled.flatMap((channel) => CHANNEL_FILES[channel].map((file) => `${prefix}${file.name}`)),
    );
    // Generating is CPU work; the uploads overlap.
    const published = await Promise.all(
      enabled.map(async (channel) => {
        const began = performance.now();
        const { included, excluded } = selectForFeed(
          vehicles,
          channelRule(channel, stored.settings.webReady),
        );
        const files = CHANNEL_FILES[channel].map((file) => ({
          file,
          body: Buffer.from(file.generate(included, context), 'utf8'),
        }));
        await Promise.all(
          files.map(({ file, body }) =>
            this.options.objects.put(`${prefix}${file.name}`, body, {
              contentType: file.contentType,
              cacheControl: FEED_CACHE_CONTROL,
            }),
          ),
        );
        const bytes = files.reduce((sum, { body }) => sum + body.length, 0);
        return {
          channel,
          included: included.length,
          excluded,
          bytes,
          durationMs: Math.round(performance.now() - began),
          finishedAt: this.clock(),
        };
      }),
    );
    return this.options.writer.transaction().execute(async (trx) => {
      const repository = new SyndicationRepository(trx);
      const current = await repository.settings(dealershipId, { lock: true });
      const stale =
        !current ||
        current.secret !== stored.secret ||
        current.updatedAt.getTime() !== stored.updatedAt.getTime();
      if (stale) {
        if (current && current.secret !== stored.secret) {
          await recordMediaDeletion(forDealership(trx, dealershipId), prefix);
        }
        await repository.markDirty([dealershipId]);
        return null;
      }
      for (const channel of disabled) await repository.forgetChannel(dealershipId, channel);
      const result: GenerationResult = { channels: [] };
      for (const { channel, included, excluded, bytes, durationMs, finishedAt } of published) {
        await repository.recordRun(
          dealershipId,
          {
            channel,
            files: CHANNEL_FILES[channel].map((file) => file.name),
            included,
            excluded,
            generatedAt: finishedAt,
          },
          { channel, trigger, included, excluded: excluded.length, bytes, durationMs, finishedAt },
        );
        result.channels.push({ channel, included, excluded: excluded.length, bytes });
      }
      // A run that started later already recorded: its files may have been overwritten by this run's
      // older ones, so the dealership is marked for another run rather than marked generated.
      if (current.lastFullRunAt !== null && current.lastFullRunAt > startedAt) {
        await repository.markDirty([dealershipId]);
      } else {
        await repository.generated(dealershipId, startedAt);
      }
      return result;
    });
  }

  private async context(dealershipId: string, settings: SyndicationSettings): Promise<FeedContext> {
    const rooftop = await this.options.rooftops.rooftop(dealershipId);
    const { google, meta } = settings.channels;
    // Google and Meta show the dealership's name and refuse a feed without one: fail (and retry) instead.
    if ((google || meta) && !rooftop?.name) {
      throw new Error('the dealership directory has no name for this dealership; Google and Meta need one');
    }
    const website = settings.websiteBaseUrl ?? this.defaultWebsiteBaseUrl(dealershipId);
    return {
      dealershipId,
      dealershipName: rooftop?.name ?? '',
      // Never the dealership's id: Google would match it to no Business Profile (settings with Google
      // on need a store code; ones saved before that rule give Google an empty code it reports).
      storeCode: settings.storeCode ?? '',
      address: settings.address,
      vehicleUrl: (vehicleId) => `${website}/vehicles/${vehicleId}`,
    };
  }
}

/** A car on the lot as the generators see it: the website's view of it, its status and its photos. */
export function feedVehicleOf(
  { row, photoKeyBases }: LotVehicleRow,
  now: Date,
  photoUrls: PhotoUrls,
): FeedVehicle {
  // Only what a website may show: the public view drops cost and internal notes.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the hero and count are replaced by every photo
  const { heroPhoto, photoCount, ...shown } = toPublicVehicle(vehicleFromRow(row, now, photoUrls));
  return {
    ...shown,
    status: row.status,
    published: Boolean(row.published),
    photoUrls: photoKeyBases.map((keyBase) => photoUrls(keyBase).full.jpeg),
    inStockSince: row.created_at.toISOString(),
  };
}
