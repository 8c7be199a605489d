import type { SiteHosting } from './hosting';

/**
 * Sites on this machine: *.localhost resolves to 127.0.0.1 and the storefront answers every host,
 * so there is nothing to attach; own domains are stored and published only, never served (they
 * are the step's unserved domains). No CDN either.
 */
export function localHosting(originOf: (host: string) => string): SiteHosting {
  return {
    domains: {
      attach: async (site) => ({
        detail: [
          `served at ${site.hosts
            .filter((host) => !site.customDomains.includes(host))
            .map(originOf)
            .join(', ')}`,
          ...(site.customDomains.length > 0
            ? [
                `not served on own domains (${site.customDomains.join(', ')}): nothing on this machine ` +
                  'serves a dealer’s own domain (no DNS, no certificate); they are published only',
              ]
            : []),
        ].join('; '),
        // Nothing here answers a dealer's own domain: every one stays unserved.
        unservedDomains: [...site.customDomains],
      }),
    },
    cdn: {
      invalidate: async () => 'no CDN here: the storefront re-reads the site within its cache time (seconds)',
    },
  };
}
