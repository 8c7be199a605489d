/** Domains no dealership may bring as its own, whatever the platform domain (SITES_RESERVED_DOMAINS). */
export const DEFAULT_RESERVED_DOMAINS = ['showroom.dev', 'localhost'] as const;

/** What SiteUrls is built from (the users service's SITES_* variables). */
export interface SitesConfig {
  SITES_PLATFORM_DOMAIN: string;
  SITES_ORIGIN_TEMPLATE: string;
  /** Absent: DEFAULT_RESERVED_DOMAINS. */
  SITES_RESERVED_DOMAINS?: readonly string[];
}

/**
 * The domain the platform domain belongs to: showroom.dev for sites.showroom.dev. A two-label
 * platform domain (showroom.dev) or a single label (localhost) is its own parent, never a TLD.
 */
function parentDomainOf(domain: string): string {
  const labels = domain.split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : domain;
}

const isUnder = (name: string, domain: string) => name === domain || name.endsWith(`.${domain}`);

/**
 * Where a dealership's site is served. Every dealership has a platform host `<slug>.<platform domain>`
 * (demo-motors-downtown.sites.showroom.dev; demo-motors-downtown.localhost locally) and may bring its
 * own domains; the first own domain is the canonical one.
 */
export class SiteUrls {
  private readonly platformDomain: string;
  /** Showroom's own domains: the platform's parent (www.showroom.dev is ours too) and the reserved ones. */
  private readonly showroomDomains: string[];

  constructor(private readonly config: SitesConfig) {
    this.platformDomain = config.SITES_PLATFORM_DOMAIN.toLowerCase();
    const reserved = config.SITES_RESERVED_DOMAINS ?? DEFAULT_RESERVED_DOMAINS;
    this.showroomDomains = [parentDomainOf(this.platformDomain), ...reserved.map((d) => d.toLowerCase())];
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
    return isUnder(host.toLowerCase(), this.platformDomain);
  }

  /**
   * A domain Showroom holds (the platform's parent domain or a reserved one, or under them): never a
   * dealership's own domain, or a dealer could take www.showroom.dev from us.
   */
  isShowroomDomain(domain: string): boolean {
    const name = domain.toLowerCase();
    return this.showroomDomains.some((showroom) => isUnder(name, showroom));
  }
}
