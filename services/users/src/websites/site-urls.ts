/** What SiteUrls is built from (the users service's SITES_* variables). */
export interface SitesConfig {
  SITES_PLATFORM_DOMAIN: string;
  SITES_ORIGIN_TEMPLATE: string;
}

/**
 * Where a dealership's site is served. Every dealership has a platform host `<slug>.<platform domain>`
 * (demo-motors-downtown.sites.showroom.dev; demo-motors-downtown.localhost locally) and may bring its
 * own domains; the first own domain is the canonical one.
 */
export class SiteUrls {
  private readonly platformDomain: string;

  constructor(private readonly config: SitesConfig) {
    this.platformDomain = config.SITES_PLATFORM_DOMAIN.toLowerCase();
  }

  platformHost(slug: string): string {
    return `${slug}.${this.platformDomain}`;
  }

  /** Scheme, host and port of `host`, e.g. https://www.demo-motors.com or http://x.localhost:4400. */
  originOf(host: string): string {
    return this.config.SITES_ORIGIN_TEMPLATE.replace('{host}', host.toLowerCase());
  }

  /** Every host the site answers on: the platform host first, then the own domains. */
  hostsOf(slug: string, customDomains: readonly string[]): string[] {
    return [this.platformHost(slug), ...customDomains];
  }

  /** The canonical origin: the first own domain, else the platform host. */
  canonicalOriginOf(slug: string, customDomains: readonly string[]): string {
    return this.originOf(customDomains[0] ?? this.platformHost(slug));
  }

  /** The site's home page URL. */
  siteUrlOf(slug: string, customDomains: readonly string[]): string {
    return `${this.canonicalOriginOf(slug, customDomains)}/`;
  }

  /** A platform host (or under one) is Showroom's to give, never a dealership's own domain. */
  isPlatformHost(host: string): boolean {
    const name = host.toLowerCase();
    return name === this.platformDomain || name.endsWith(`.${this.platformDomain}`);
  }
}
