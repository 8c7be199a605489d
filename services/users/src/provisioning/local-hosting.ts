import type { SiteHosting } from './hosting';

/**
 * Sites on this machine: *.localhost resolves to 127.0.0.1 and the storefront answers every host,
 * so there is nothing to attach; own domains are stored and published only. No CDN either.
 */
export function localHosting(originOf: (host: string) => string): SiteHosting {
  return {
    domains: {
      attach: async (site) =>
        [
          `served at ${site.hosts
            .filter((host) => !site.customDomains.includes(host))
            .map(originOf)
            .join(', ')}`,
          ...(site.customDomains.length > 0
            ? [`own domains (${site.customDomains.join(', ')}) are published but not attached here (no DNS)`]
            : []),
        ].join('; '),
    },
    cdn: {
      invalidate: async () => 'no CDN here: the storefront re-reads the site within its cache time (seconds)',
    },
  };
}
