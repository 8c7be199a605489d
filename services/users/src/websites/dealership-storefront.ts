import type { Kysely } from 'kysely';
import type { DealershipStorefront } from '@showroom/contracts';
import type { UsersDatabase } from '../database';
import { liveSiteOf } from '../provisioning/requests';
import { websiteRepository } from './repository';
import type { SiteUrls } from './site-urls';
import { customDomainsOf } from './website-row';

/**
 * What another service (retail) needs of a dealership to answer its shoppers: who the dealership is
 * and where its website is served. The origins are those provisioning lets post the lead forms
 * (every host of the site); the site URL, where links to the site point, exists once the site has
 * gone live and is its canonical origin among the hosts that serve it (an own domain the CDN does
 * not serve yet would be a dead link: the platform host stands in meanwhile).
 */
export class StorefrontDirectory {
  constructor(
    private readonly db: Kysely<UsersDatabase>,
    private readonly urls: SiteUrls,
  ) {}

  /** Null when there is no such dealership. */
  async storefront(dealershipId: string): Promise<DealershipStorefront | null> {
    const [dealership, website, live] = await Promise.all([
      websiteRepository.findDealership(this.db, dealershipId),
      websiteRepository.findWebsite(this.db, dealershipId),
      liveSiteOf(this.db, dealershipId),
    ]);
    if (!dealership) return null;
    const customDomains = website ? customDomainsOf(website) : [];
    const servedDomains = customDomains.filter((domain) => !live.unservedDomains.includes(domain));
    return {
      dealershipId: dealership.id,
      name: dealership.name,
      email: website?.email ?? null,
      phone: dealership.phone,
      timeZone: dealership.time_zone,
      siteUrl: live.everLive ? this.urls.canonicalOriginOf(dealership.slug, servedDomains) : null,
      siteOrigins: this.urls.hostsOf(dealership.slug, customDomains).map((host) => this.urls.originOf(host)),
    };
  }
}
