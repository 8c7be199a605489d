import type { Kysely } from 'kysely';
import type { PublishedSite } from '@showroom/contracts';
import type { UsersDatabase } from '../database';
import { websiteRepository } from './repository';
import type { SiteUrls } from './site-urls';
import { addressOf, customDomainsOf, hoursOf, logoUploadOf } from './website-row';

/** The dealer's normalised logo upload (private); provisioning makes the public variants from it. */
export interface LogoUpload {
  key: string;
  /** sha256 of the PNG, hex. */
  hash: string;
  width: number;
  height: number;
}

/** A site as provisioning publishes it, before the public logo URLs and the time are added. */
export type SiteToPublish = Omit<PublishedSite, 'logo' | 'publishedAt'> & { logoUpload: LogoUpload | null };

/**
 * The dealership's site as it stands now (the version in it is the one being published), or null
 * when the dealership or its website is gone.
 */
export async function siteToPublish(
  db: Kysely<UsersDatabase>,
  dealershipId: string,
  urls: SiteUrls,
): Promise<SiteToPublish | null> {
  const [dealership, website] = await Promise.all([
    websiteRepository.findDealership(db, dealershipId),
    websiteRepository.findWebsite(db, dealershipId),
  ]);
  if (!dealership || !website) return null;
  const customDomains = customDomainsOf(website);
  return {
    dealershipId: dealership.id,
    groupId: dealership.dealer_group_id,
    name: dealership.name,
    slug: dealership.slug,
    tagline: website.tagline,
    phone: dealership.phone,
    email: website.email,
    address: addressOf(dealership),
    hours: hoursOf(website),
    timeZone: dealership.time_zone,
    theme: { brandColour: website.brand_colour, accentColour: website.accent_colour },
    hosts: urls.hostsOf(dealership.slug, customDomains),
    canonicalOrigin: urls.canonicalOriginOf(dealership.slug, customDomains),
    version: website.version,
    logoUpload: logoUploadOf(website),
  };
}
