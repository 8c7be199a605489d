import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from './security';
import { publishedSite } from './testing/fixtures';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the hashes of a page’s inline scripts', () => {
  it('covers inline scripts and event handlers, not data blocks or loaded scripts', () => {
    const html = [
      '<link rel="stylesheet" href="styles.css" media="print" onload="this.media=&#39;all&#39;">',
      '<script>window.__jsaction_bootstrap()</script>',
      '<script type="module" src="main-ABCD1234.js"></script>',
      '<script id="ng-state" type="application/json">{"a":1}</script>',
      '<script type="application/ld+json" id="car">{"@type":"Car"}</script>',
    ].join('\n');
    expect(inlineScriptHashes(html)).toEqual({
      scripts: [hash('window.__jsaction_bootstrap()')],
      handlers: [hash("this.media='all'")],
    });
  });
});

describe('the Content-Security-Policy of a site’s page', () => {
  const site = publishedSite({
    dealershipId: '11111111-1111-4111-8111-111111111111',
    name: 'Alpha',
    slug: 'alpha',
    canonicalOrigin: 'https://www.alpha.test',
    logo: {
      url: 'https://cdn.alpha.test/logo.png',
      webpUrl: 'https://cdn.alpha.test/logo.webp',
      width: 200,
      height: 60,
    },
  });
  const sources = { apiOrigin: 'https://api.showroom.dev', mediaOrigin: 'https://media.showroom.dev' };

  it('lets the page call the API, show media and logo, and run only its own inline scripts', () => {
    const csp = contentSecurityPolicy(site, sources, { scripts: ["'sha256-a'"], handlers: ["'sha256-b'"] });
    expect(csp).toContain("script-src 'self' 'sha256-a' 'unsafe-hashes' 'sha256-b'");
    expect(csp).toContain("connect-src 'self' https://api.showroom.dev");
    expect(csp).toContain(
      "img-src 'self' data: https://media.showroom.dev https://api.showroom.dev https://cdn.alpha.test",
    );
    expect(csp).toContain('upgrade-insecure-requests');
    expect(csp).not.toContain("'unsafe-inline' 'sha256");
  });

  it('does not upgrade requests of a site served over http (local development)', () => {
    expect(
      contentSecurityPolicy({ ...site, canonicalOrigin: 'http://alpha.localhost:4400' }, sources),
    ).not.toContain('upgrade-insecure-requests');
  });
});
