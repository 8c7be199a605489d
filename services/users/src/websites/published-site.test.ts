import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  MIN_BRAND_CONTRAST,
  PublishedSiteSchema,
  WebsiteSettingsSchema,
} from '@showroom/contracts';
import {
  ALL_DEMO_WEBSITES,
  DEMO_DEALERSHIPS,
  DEMO_GROUP,
  DEMO_USERS,
  DEMO_WEBSITES,
} from '@showroom/demo-data';
import { loadUsersConfig } from '../config';
import { usersAppOnDemoTenants } from '../test/users-test-app';
import { websiteClient } from '../test/websites';
import { siteToPublish } from './published-site';
import { SiteUrls } from './site-urls';

const localUrls = new SiteUrls({
  SITES_PLATFORM_DOMAIN: 'localhost',
  SITES_ORIGIN_TEMPLATE: 'http://{host}:4400',
});

describe('the site provisioning publishes for a dealership', () => {
  const ctx = usersAppOnDemoTenants();

  it('when the demo downtown site is read for publishing, then it carries the seeded facts and its local address', async () => {
    const site = await siteToPublish(ctx.database.writer, DEMO_DEALERSHIPS.downtown.id, localUrls);

    expect(site).toMatchObject({
      dealershipId: DEMO_DEALERSHIPS.downtown.id,
      groupId: DEMO_GROUP.id,
      name: 'Demo Motors Downtown',
      slug: 'demo-motors-downtown',
      phone: DEMO_WEBSITES.downtown.phone,
      address: DEMO_WEBSITES.downtown.address,
      hours: DEMO_WEBSITES.downtown.hours,
      theme: DEMO_WEBSITES.downtown.theme,
      hosts: ['demo-motors-downtown.localhost'],
      canonicalOrigin: 'http://demo-motors-downtown.localhost:4400',
      logoUpload: null,
    });
    const { logoUpload: _, ...published } = site ?? { logoUpload: null };
    expect(() =>
      PublishedSiteSchema.parse({ ...published, logo: null, publishedAt: new Date().toISOString() }),
    ).not.toThrow();
  });

  it('when a dealership has an own domain, then it is the canonical origin and the platform host is still served', async () => {
    const production = new SiteUrls({
      SITES_PLATFORM_DOMAIN: 'sites.showroom.dev',
      SITES_ORIGIN_TEMPLATE: 'https://{host}',
    });
    expect(production.hostsOf('rival-autos', ['www.rival-autos.com'])).toEqual([
      'rival-autos.sites.showroom.dev',
      'www.rival-autos.com',
    ]);
    expect(production.siteUrlOf('rival-autos', ['www.rival-autos.com'])).toBe('https://www.rival-autos.com/');
    expect(production.siteUrlOf('rival-autos', [])).toBe('https://rival-autos.sites.showroom.dev/');
    expect(production.isPlatformHost('demo-motors-downtown.sites.showroom.dev')).toBe(true);
    // www.showroom.dev is no platform host, and no dealer's domain either: it is Showroom's.
    expect(production.isPlatformHost('www.showroom.dev')).toBe(false);
    expect(production.isShowroomDomain('www.showroom.dev')).toBe(true);
  });

  it('a domain equal to or under the platform’s parent domain or a reserved one is Showroom’s, never a dealer’s own', () => {
    const production = new SiteUrls({
      SITES_PLATFORM_DOMAIN: 'sites.showroom.dev',
      SITES_ORIGIN_TEMPLATE: 'https://{host}',
      SITES_RESERVED_DOMAINS: ['showroom.io'],
    });
    const showroom = [
      'www.showroom.dev',
      'SHOWROOM.dev',
      'rival-autos.sites.showroom.dev',
      'showroom.io',
      'a.showroom.io',
    ];
    const dealers = [
      'www.rival-autos.com',
      'notshowroom.dev',
      'showroom.dev.rival-autos.com',
      'localhost.rival-autos.com',
    ];
    expect(showroom.filter((domain) => !production.isShowroomDomain(domain))).toEqual([]);
    expect(dealers.filter((domain) => production.isShowroomDomain(domain))).toEqual([]);

    // A two-label platform domain is its own parent: not every .dev domain is Showroom's.
    const apex = new SiteUrls({
      SITES_PLATFORM_DOMAIN: 'showroom.dev',
      SITES_ORIGIN_TEMPLATE: 'https://{host}',
    });
    expect(apex.isShowroomDomain('www.showroom.dev')).toBe(true);
    expect(apex.isShowroomDomain('rival-autos.dev')).toBe(false);
    // Without a reserved list: Showroom's domain and this machine's (the defaults).
    expect(apex.isShowroomDomain('demo.localhost')).toBe(true);
  });

  it('SITES_RESERVED_DOMAINS is a comma list of domains, lower-cased, showroom.dev and localhost by default', () => {
    expect(loadUsersConfig({}).SITES_RESERVED_DOMAINS).toEqual(['showroom.dev', 'localhost']);
    expect(
      loadUsersConfig({ SITES_RESERVED_DOMAINS: ' Showroom.IO, showroom.dev ' }).SITES_RESERVED_DOMAINS,
    ).toEqual(['showroom.io', 'showroom.dev']);
    expect(() => loadUsersConfig({ SITES_RESERVED_DOMAINS: 'https://showroom.io' })).toThrow(
      /SITES_RESERVED_DOMAINS/,
    );
  });

  it('what the Website page shows and what provisioning publishes are the same facts', async () => {
    const client = await websiteClient(ctx, DEMO_USERS.owner, DEMO_DEALERSHIPS.northside.id);
    expect(
      (await client.save({ tagline: 'Same story', customDomains: ['www.northside-motors.com'] })).status,
    ).toBe(200);
    const settings = WebsiteSettingsSchema.parse((await client.get()).body);

    const site = await siteToPublish(ctx.database.writer, DEMO_DEALERSHIPS.northside.id, localUrls);

    const { logoUpload: _, groupId, hosts, canonicalOrigin, ...shared } = site ?? ({} as never);
    expect(settings).toMatchObject(shared);
    expect(Object.keys(shared).sort()).toEqual(
      [
        'dealershipId',
        'name',
        'slug',
        'timeZone',
        'tagline',
        'phone',
        'email',
        'address',
        'hours',
        'theme',
        'version',
      ].sort(),
    );
    expect([groupId, hosts, canonicalOrigin]).toEqual([
      DEMO_GROUP.id,
      [settings.platformHost, 'www.northside-motors.com'],
      new URL(settings.siteUrl).origin,
    ]);
  });

  it('when a dealership does not exist, then there is nothing to publish', async () => {
    expect(
      await siteToPublish(ctx.database.writer, '00000000-0000-4000-8000-000000000000', localUrls),
    ).toBeNull();
  });

  it('every demo website’s colours pass the contrast rule and every demo site is asked to be provisioned', async () => {
    for (const website of ALL_DEMO_WEBSITES) {
      expect(contrastRatio(website.theme.brandColour, '#ffffff')).toBeGreaterThanOrEqual(MIN_BRAND_CONTRAST);
      expect(contrastRatio(website.theme.accentColour, '#ffffff')).toBeGreaterThanOrEqual(MIN_BRAND_CONTRAST);
    }
    const requests = await ctx.database.writer
      .selectFrom('website_provisioning')
      .select(['dealership_id', 'version'])
      .execute();
    expect(requests.map((r) => r.dealership_id).sort()).toEqual(
      ALL_DEMO_WEBSITES.map((w) => w.dealershipId).sort(),
    );
  });
});
