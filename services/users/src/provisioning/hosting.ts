/** What attaching and refreshing a site's hosting needs to know of it. */
export interface SiteHosts {
  dealershipId: string;
  version: number;
  /** Every host the site answers on. */
  hosts: string[];
  /** The dealership's own domains among them (platform sub-domains are Showroom's wildcard's). */
  customDomains: string[];
}

/** Makes the site's own domains reach the storefront: certificate, DNS, CDN alternate names. */
export interface DomainAttacher {
  /** What was done, for the owner to read; throws when a part failed (the step is retried). */
  attach(site: SiteHosts): Promise<string>;
}

/** Makes the CDN forget the site's cached pages and configuration. */
export interface CdnInvalidator {
  invalidate(site: SiteHosts): Promise<string>;
}

/** Where sites are hosted: AWS (CloudFront, Route 53, ACM), or this machine. */
export interface SiteHosting {
  domains: DomainAttacher;
  cdn: CdnInvalidator;
}
