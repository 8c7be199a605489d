/** What attaching and refreshing a site's hosting needs to know of it. */
export interface SiteHosts {
  dealershipId: string;
  version: number;
  /** Every host the site answers on. */
  hosts: string[];
  /** The dealership's own domains among them (platform sub-domains are Showroom's wildcard's). */
  customDomains: string[];
}

/** What attaching a site's domains did. */
export interface AttachedDomains {
  /** What was done, for the owner to read. */
  detail: string;
  /**
   * The site's own domains it is not served on yet (the CDN refused the name, or nothing here
   * serves own domains): it is live on its platform host meanwhile. Empty when every one is served.
   */
  unservedDomains: string[];
}

/** Makes the site's own domains reach the storefront: certificate, DNS, CDN alternate names. */
export interface DomainAttacher {
  /** Throws when a part failed (the step is retried); a domain not served yet is no failure. */
  attach(site: SiteHosts): Promise<AttachedDomains>;
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
