import { randomBytes } from 'node:crypto';
import {
  PROBLEM_TYPES,
  SYNDICATION_CHANNEL_NAMES,
  SYNDICATION_CHANNELS,
  SyndicationSettingsSchema,
  type ChannelList,
  type ChannelReport,
  type SyndicationChannel,
  type SyndicationSettings,
  type SyndicationSettingsResponse,
} from '@showroom/contracts';
import { HttpProblem } from '@showroom/server-kit';
import type { RooftopDirectory } from '../rooftops/rooftop-directory';
import { CHANNEL_FILES, missingForChannels } from './channels';
import type { MediaDeletions } from '../photos/media-deletions';
import { feedPrefix, type FeedPublisher } from './feed-publisher';
import type { StoredSettings, SyndicationRepository } from './repository';

/** 24 random bytes: the part of a feed's address that keeps it private. */
const newSecret = (): string => randomBytes(24).toString('base64url');

const DEFAULT_SETTINGS: SyndicationSettings = SyndicationSettingsSchema.parse({});

/** Syndication as the portal sees it: settings, channels with their addresses and reports, rotation. */
export class SyndicationService {
  constructor(
    private readonly repository: SyndicationRepository,
    private readonly publisher: FeedPublisher,
    private readonly rooftops: RooftopDirectory,
    private readonly mediaDeletions: MediaDeletions,
  ) {}

  async settings(dealershipId: string): Promise<SyndicationSettingsResponse> {
    const stored = await this.repository.settings(dealershipId);
    // The name is shown beside the settings; with the users service away they still open.
    const rooftop = await this.rooftops.rooftop(dealershipId).catch(() => null);
    return {
      settings: stored?.settings ?? DEFAULT_SETTINGS,
      defaultWebsiteBaseUrl: this.publisher.defaultWebsiteBaseUrl(dealershipId),
      dealershipName: rooftop?.name ?? '',
    };
  }

  /**
   * Saves the settings and regenerates at once, so a channel turned on has its feed when the page shows
   * it; when that fails (S3 away) the settings stay saved and the channels say feeds are pending.
   * 422 naming the fields when a channel turned on lacks what it needs (store code, address).
   */
  async saveSettings(
    dealershipId: string,
    settings: SyndicationSettings,
  ): Promise<SyndicationSettingsResponse> {
    const missing = missingForChannels(settings);
    if (missing.length > 0) {
      throw new HttpProblem(
        422,
        PROBLEM_TYPES.validation,
        'A channel needs more settings',
        `Fill in ${missing.map((param) => param.name.replace(/^body\./, '')).join(', ')} to turn these channels on.`,
        missing,
      );
    }
    await this.repository.saveSettings(dealershipId, settings, newSecret());
    await this.regenerateOrMark(dealershipId);
    return this.settings(dealershipId);
  }

  async channels(dealershipId: string): Promise<ChannelList> {
    const [stored, states, runs] = await Promise.all([
      this.repository.settings(dealershipId),
      this.repository.channelStates(dealershipId),
      this.repository.latestRuns(dealershipId),
    ]);
    return {
      pending: Boolean(stored?.dirtySince),
      channels: SYNDICATION_CHANNELS.map((channel) => {
        const state = states.find((s) => s.channel === channel);
        const run = runs.find((r) => r.channel === channel);
        return {
          channel,
          name: SYNDICATION_CHANNEL_NAMES[channel],
          enabled: stored?.settings.channels[channel] ?? false,
          files:
            stored && state
              ? CHANNEL_FILES[channel].map((file) => ({
                  name: file.name,
                  format: file.format,
                  url: this.publisher.publicUrl(dealershipId, stored.secret, file.name),
                }))
              : [],
          lastGeneratedAt: state?.generatedAt.toISOString() ?? null,
          included: state?.included ?? null,
          excluded: state ? state.excluded.length : null,
          lastRun: run
            ? {
                trigger: run.trigger,
                bytes: run.bytes,
                durationMs: run.durationMs,
                finishedAt: run.finishedAt.toISOString(),
              }
            : null,
        };
      }),
    };
  }

  async report(dealershipId: string, channel: SyndicationChannel): Promise<ChannelReport> {
    const state = (await this.repository.channelStates(dealershipId)).find((s) => s.channel === channel);
    return {
      channel,
      generatedAt: state?.generatedAt.toISOString() ?? null,
      included: state?.included ?? 0,
      excluded: state?.excluded ?? [],
    };
  }

  async regenerate(dealershipId: string): Promise<ChannelList> {
    await this.publisher.generate(dealershipId, 'manual');
    return this.channels(dealershipId);
  }

  /**
   * A new secret: the feeds are written under it (channels must be given the new addresses), and
   * everything under the old one is deleted, at once or, when S3 fails, by the media sweeper (the
   * deletion is recorded with the new secret), so the old addresses stop working.
   */
  async rotateSecret(dealershipId: string): Promise<ChannelList> {
    const stored: StoredSettings | undefined = await this.repository.settings(dealershipId);
    if (!stored) await this.repository.saveSettings(dealershipId, DEFAULT_SETTINGS, newSecret());
    const old = await this.repository.rotateSecret(dealershipId, newSecret(), (secret) =>
      feedPrefix(dealershipId, secret),
    );
    if (old !== null) await this.mediaDeletions.purge(dealershipId, feedPrefix(dealershipId, old));
    await this.regenerateOrMark(dealershipId);
    return this.channels(dealershipId);
  }

  /** After a change of settings or secret: the feeds now, or (S3 away) marked for the scheduler, which retries. */
  private async regenerateOrMark(dealershipId: string): Promise<void> {
    try {
      await this.publisher.generate(dealershipId, 'settings');
    } catch {
      await this.repository.markDirty([dealershipId]);
    }
  }
}
