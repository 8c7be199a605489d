import type { Kysely } from 'kysely';
import type { PublishedSite } from '@showroom/contracts';
import type { UsersDatabase } from '../database';
import { readSiteFacts, type LogoUpload } from './site-facts';
import type { SiteUrls } from './site-urls';

export type { LogoUpload };

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
  const facts = await readSiteFacts(db, dealershipId);
  if (!facts) return null;
  const { shared, customDomains } = facts;
  return {
    ...shared,
    groupId: facts.groupId,
    hosts: urls.hostsOf(shared.slug, customDomains),
    canonicalOrigin: urls.canonicalOriginOf(shared.slug, customDomains),
    logoUpload: facts.logoUpload,
  };
}
