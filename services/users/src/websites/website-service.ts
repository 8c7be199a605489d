import type { Kysely } from 'kysely';
import {
  type Logo,
  type WebsiteSettings,
  type WebsiteSettingsUpdate,
  type WebsiteSettingsUpdateSchema,
} from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import { mediaUrl, type ObjectStore } from '@showroom/server-storage';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { UsersDatabase } from '../database';
import { provisioningStatusOf, requestProvisioning, retryProvisioning } from '../provisioning/requests';
import { claimDomains, refuseShowroomDomains } from './domains';
import { logoAssetKeys, logoUploadKey } from './logo-keys';
import type { NormalisedLogo } from './logo-image';
import { websiteRepository, type DealershipChanges, type WebsiteChanges } from './repository';
import type { SiteUrls } from './site-urls';
import { readSiteFacts, type LogoUpload } from './site-facts';
import { addressColumns, type WebsiteRow } from './website-row';

export type WebsiteUpdate = z.output<typeof WebsiteSettingsUpdateSchema>;
export type { WebsiteSettingsUpdate };

export interface WebsiteServiceOptions {
  db: Kysely<UsersDatabase>;
  urls: SiteUrls;
  objects: ObjectStore;
  /** Where the public logo variants provisioning uploads are served (MEDIA_PUBLIC_URL). */
  mediaPublicUrl: string;
  logger: Logger;
}

/**
 * A dealership's website settings. Every change bumps the version and asks for the site to be
 * provisioned in the same transaction (the request row is the outbox), so a saved change always
 * reaches the site and a failed save reaches nothing. Knows nothing of HTTP beyond its problems.
 */
export class WebsiteService {
  constructor(private readonly options: WebsiteServiceOptions) {}

  private get db() {
    return this.options.db;
  }

  async settings(dealershipId: string): Promise<WebsiteSettings> {
    if (!(await websiteRepository.findWebsite(this.db, dealershipId))) await this.ensureWebsite(dealershipId);
    return this.read(dealershipId);
  }

  /** `expectedVersion`: the version the editor last read (If-Match); another one is a 412. */
  async update(
    dealershipId: string,
    expectedVersion: number,
    update: WebsiteUpdate,
  ): Promise<WebsiteSettings> {
    refuseShowroomDomains(this.options.urls, update.customDomains ?? [], (i) => `body.customDomains.${i}`);
    await this.change(dealershipId, expectedVersion, async (trx) => {
      const website: WebsiteChanges = {};
      const dealership: DealershipChanges = {};
      if (update.tagline !== undefined) website.tagline = update.tagline || null;
      if (update.email !== undefined) website.email = update.email;
      if (update.hours !== undefined) website.hours = JSON.stringify(update.hours);
      if (update.theme !== undefined) {
        website.brand_colour = update.theme.brandColour;
        website.accent_colour = update.theme.accentColour;
      }
      if (update.phone !== undefined) dealership.phone = update.phone;
      if (update.address !== undefined) Object.assign(dealership, addressColumns(update.address));
      if (update.customDomains !== undefined) {
        await claimDomains(trx, dealershipId, update.customDomains, (i) => `body.customDomains.${i}`);
        website.custom_domains = JSON.stringify(update.customDomains);
      }
      return { website, dealership };
    });
    return this.read(dealershipId);
  }

  /** Stores the normalised logo (private) and points the website at it. */
  async setLogo(
    dealershipId: string,
    expectedVersion: number | null,
    logo: NormalisedLogo,
  ): Promise<WebsiteSettings> {
    const key = logoUploadKey(dealershipId, logo.hash);
    // Before the transaction: the row never names an object that is not there. The key carries the
    // content hash, so a save that fails after it leaves a harmless copy of what it would have been.
    await this.options.objects.put(key, logo.png, { contentType: 'image/png' });
    const previous = await this.change(dealershipId, expectedVersion, async () => ({
      website: { logo_key: key, logo_hash: logo.hash, logo_width: logo.width, logo_height: logo.height },
    })).catch(async (error: unknown) => {
      // Refused (a stale version): the copy is nobody's, unless the same logo is the current one.
      const current = await websiteRepository.findWebsite(this.db, dealershipId);
      await this.forgetUpload(key, current?.logo_key ?? null);
      throw error;
    });
    await this.forgetUpload(previous.logo_key, key);
    return this.read(dealershipId);
  }

  async removeLogo(dealershipId: string, expectedVersion: number | null): Promise<WebsiteSettings> {
    const previous = await this.change(dealershipId, expectedVersion, async () => ({
      website: { logo_key: null, logo_hash: null, logo_width: null, logo_height: null },
    }));
    await this.forgetUpload(previous.logo_key, null);
    return this.read(dealershipId);
  }

  /** Runs the site's provisioning again now (a failed step, or a site to republish). */
  async retryProvisioning(dealershipId: string): Promise<WebsiteSettings> {
    await this.ensureWebsite(dealershipId);
    await this.db.transaction().execute(async (trx) => {
      const website = await websiteRepository.findWebsite(trx, dealershipId, true);
      if (!website) throw problems.notFound('The website of this dealership');
      const status = (await provisioningStatusOf(trx, [dealershipId])).get(dealershipId);
      // Never asked for yet (a dealership from before websites): asking is the retry.
      if (!status || status.version === 0) await requestProvisioning(trx, dealershipId, website.version);
      else await retryProvisioning(trx, dealershipId);
    });
    return this.read(dealershipId);
  }

  /**
   * One change of the website: locks its row, checks the version, applies what `changes` gives,
   * bumps the version and requests provisioning for it, all in one transaction. Answers the row as
   * it was before.
   */
  private async change(
    dealershipId: string,
    expectedVersion: number | null,
    changes: (
      trx: Kysely<UsersDatabase>,
    ) => Promise<{ website: WebsiteChanges; dealership?: DealershipChanges }>,
  ): Promise<WebsiteRow> {
    await this.ensureWebsite(dealershipId);
    return this.db.transaction().execute(async (trx) => {
      const before = await websiteRepository.findWebsite(trx, dealershipId, true);
      if (!before) throw problems.notFound('The website of this dealership');
      if (expectedVersion !== null && before.version !== expectedVersion) {
        throw problems.preconditionFailed(
          `The website was changed meanwhile (now version ${before.version}, you sent ${expectedVersion}); reload it and apply your change again.`,
        );
      }
      const { website, dealership } = await changes(trx);
      const version = await websiteRepository.saveWebsite(trx, dealershipId, website, dealership);
      await requestProvisioning(trx, dealershipId, version);
      return before;
    });
  }

  /**
   * A dealership from before websites gets its website with the defaults, and its site is
   * provisioned with them (same transaction), so it goes live without anyone saving first.
   */
  private async ensureWebsite(dealershipId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (await websiteRepository.ensureWebsite(trx, dealershipId))
        await requestProvisioning(trx, dealershipId, 1);
    });
  }

  /** Deletes an upload the website no longer names (`currentKey` is the one it names). */
  private async forgetUpload(key: string | null, currentKey: string | null): Promise<void> {
    if (!key || key === currentKey) return;
    await this.options.objects.delete([key]).catch((error: unknown) => {
      // An object left behind costs a few kilobytes; the website itself is as it should be.
      this.options.logger.warn({ err: error, key }, 'could not delete a logo upload no longer used');
    });
  }

  private async read(dealershipId: string): Promise<WebsiteSettings> {
    const [facts, statuses] = await Promise.all([
      readSiteFacts(this.db, dealershipId),
      provisioningStatusOf(this.db, [dealershipId]),
    ]);
    if (!facts) throw problems.notFound('The website of this dealership');
    const status = statuses.get(dealershipId);
    if (!status) throw new Error(`no provisioning status for ${dealershipId}`);
    const { shared, customDomains } = facts;
    return {
      ...shared,
      logo: this.logoOf(dealershipId, facts.logoUpload),
      customDomains,
      platformHost: this.options.urls.platformHost(shared.slug),
      siteUrl: this.options.urls.siteUrlOf(shared.slug, customDomains),
      updatedAt: facts.updatedAt.toISOString(),
      provisioning: status,
    };
  }

  /** The public variants' URLs (live once provisioning has uploaded them). */
  private logoOf(dealershipId: string, upload: LogoUpload | null): Logo | null {
    if (!upload) return null;
    const keys = logoAssetKeys(dealershipId, upload.hash);
    const { mediaPublicUrl } = this.options;
    return {
      url: mediaUrl(mediaPublicUrl, keys.png),
      webpUrl: mediaUrl(mediaPublicUrl, keys.webp),
      width: upload.width,
      height: upload.height,
    };
  }
}
