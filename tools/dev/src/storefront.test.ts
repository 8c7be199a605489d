import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_PORTS, START_PORTS } from './ports';
import { builtStorefront, localSiteUrl } from './storefront';

describe('the storefront in a platform run', () => {
  it('puts each site on a sub-domain of localhost, on the plan’s storefront port', () => {
    expect(localSiteUrl('demo-motors-downtown', START_PORTS.storefront)).toBe(
      'http://demo-motors-downtown.localhost:4400',
    );
    expect(localSiteUrl('rival-autos', E2E_PORTS.storefront)).toBe('http://rival-autos.localhost:4500');
  });

  it('refuses to start a storefront that is not built, saying how to build it', () => {
    expect(() => builtStorefront(join(import.meta.dirname, 'missing', 'server.mjs'))).toThrow(
      /The storefront is not built .*npx nx build storefront/,
    );
  });
});
