import { randomUUID } from 'node:crypto';
import type { DealershipStorefront } from '@showroom/contracts';
import { ALL_DEMO_DEALERSHIPS, DEMO_WEBSITES } from '@showroom/demo-data';

/**
 * The dealerships' storefronts (name, contact, time zone, website origins) as the users service's
 * internal storefront route answers them, for the stand-ins of that route in each service's tests:
 * one copy, so every service's tests see the same demo websites and the same made-up dealerships.
 */

/** The origin a demo dealership's website is served from locally (the users service's default template). */
export const demoSiteOriginOf = (slug: string): string => `http://${slug}.localhost:4400`;

/** The demo dealerships' storefronts, each with its local website as the one origin. */
export function demoStorefronts(): DealershipStorefront[] {
  return ALL_DEMO_DEALERSHIPS.map((dealership) => {
    const website = Object.values(DEMO_WEBSITES).find((w) => w.dealershipId === dealership.id);
    const origin = demoSiteOriginOf(dealership.slug);
    return {
      dealershipId: dealership.id,
      name: dealership.name,
      email: website?.email ?? null,
      phone: website?.phone ?? null,
      timeZone: dealership.timeZone,
      siteUrl: origin,
      siteOrigins: [origin],
    };
  });
}

/** A dealership of a test's own (a new id unless given) with one website origin derived from its id. */
export function testStorefront(overrides: Partial<DealershipStorefront> = {}): DealershipStorefront {
  const id = overrides.dealershipId ?? randomUUID();
  const origin = `https://www.test-${id.slice(0, 8)}.example`;
  return {
    dealershipId: id,
    name: `Test Motors ${id.slice(0, 4)}`,
    email: `hello@test-${id.slice(0, 8)}.example`,
    phone: '(614) 555-0100',
    timeZone: 'America/New_York',
    siteUrl: origin,
    siteOrigins: [origin],
    ...overrides,
  };
}
