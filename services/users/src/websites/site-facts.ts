import type { Kysely } from 'kysely';
import type { PublishedSite, WebsiteSettings } from '@showroom/contracts';
import type { UsersDatabase } from '../database';
import { websiteRepository } from './repository';
import {
  addressOf,
  customDomainsOf,
  hoursOf,
  logoUploadOf,
  type DealershipRow,
  type WebsiteRow,
} from './website-row';

/** The dealer's normalised logo upload (private); provisioning makes the public variants from it. */
export interface LogoUpload {
  key: string;
  /** sha256 of the PNG, hex. */
  hash: string;
  width: number;
  height: number;
}

type SharedKey = keyof WebsiteSettings & keyof PublishedSite;

/**
 * A dealership's site as its rows have it: what the settings page shows and what provisioning
 * publishes are both made from this, so the two never tell a different story.
 */
export interface SiteFacts {
  /** Said the same way in WebsiteSettings and PublishedSite. */
  shared: Pick<WebsiteSettings, Exclude<SharedKey, 'logo'>>;
  groupId: string | null;
  /** The first is the canonical one. */
  customDomains: string[];
  logoUpload: LogoUpload | null;
  updatedAt: Date;
}

export function siteFactsOf(dealership: DealershipRow, website: WebsiteRow): SiteFacts {
  return {
    shared: {
      dealershipId: dealership.id,
      name: dealership.name,
      slug: dealership.slug,
      timeZone: dealership.time_zone,
      tagline: website.tagline,
      phone: dealership.phone,
      email: website.email,
      address: addressOf(dealership),
      hours: hoursOf(website),
      theme: { brandColour: website.brand_colour, accentColour: website.accent_colour },
      version: website.version,
    },
    groupId: dealership.dealer_group_id,
    customDomains: customDomainsOf(website),
    logoUpload: logoUploadOf(website),
    updatedAt: website.updated_at,
  };
}

/** The dealership's site facts now, or null when the dealership or its website is not there. */
export async function readSiteFacts(
  db: Kysely<UsersDatabase>,
  dealershipId: string,
): Promise<SiteFacts | null> {
  const [dealership, website] = await Promise.all([
    websiteRepository.findDealership(db, dealershipId),
    websiteRepository.findWebsite(db, dealershipId),
  ]);
  return dealership && website ? siteFactsOf(dealership, website) : null;
}
