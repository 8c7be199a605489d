import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteConfigKeys } from '@showroom/contracts';
import { createS3ObjectStore, LOCAL_S3_CREDENTIALS, type ObjectStore } from '@showroom/server-storage';
import { startS3Local, type S3Local } from '@showroom/server-testing';
import { E2E_PORTS, START_PORTS } from './ports';
import { localSiteUrl, startStorefront, waitForPublishedSites } from './storefront';

const DOWNTOWN = '7d3c2a10-5e4f-4b8a-9c1d-2e3f4a5b6c01';
const NORTHSIDE = '7d3c2a10-5e4f-4b8a-9c1d-2e3f4a5b6c02';

const publish = (media: ObjectStore, dealershipId: string, name: string, slug: string) =>
  media.put(siteConfigKeys.forDealership(dealershipId), JSON.stringify({ dealershipId, name, slug }), {
    contentType: 'application/json',
  });

describe('the storefront in a platform run', () => {
  let s3: S3Local;
  let media: ObjectStore;

  beforeAll(async () => {
    s3 = await startS3Local({ buckets: ['dev-sites'] });
    media = createS3ObjectStore({
      bucket: 'dev-sites',
      region: 'us-east-1',
      endpoint: s3.endpoint,
      credentials: { ...LOCAL_S3_CREDENTIALS },
    });
  });
  afterAll(() => s3.close());

  it('puts each site on a sub-domain of localhost, on the plan’s storefront port', () => {
    expect(localSiteUrl('demo-motors-downtown', START_PORTS.storefront)).toBe(
      'http://demo-motors-downtown.localhost:4400',
    );
    expect(localSiteUrl('rival-autos', E2E_PORTS.storefront)).toBe('http://rival-autos.localhost:4500');
  });

  it('names the sites provisioning has published, waiting for one published meanwhile, in the order asked', async () => {
    await publish(media, NORTHSIDE, 'Demo Motors Northside', 'demo-motors-northside');
    setTimeout(() => void publish(media, DOWNTOWN, 'Demo Motors Downtown', 'demo-motors-downtown'), 700);

    const sites = await waitForPublishedSites(media, [DOWNTOWN, NORTHSIDE], 10_000);

    expect(sites).toEqual([
      { dealershipId: DOWNTOWN, name: 'Demo Motors Downtown', slug: 'demo-motors-downtown' },
      { dealershipId: NORTHSIDE, name: 'Demo Motors Northside', slug: 'demo-motors-northside' },
    ]);
  });

  it('gives up after its time and leaves out a site never published', async () => {
    const neverPublished = '00000000-0000-4000-8000-000000000000';
    const started = Date.now();

    const sites = await waitForPublishedSites(media, [NORTHSIDE, neverPublished], 1_200);

    expect(sites.map((site) => site.slug)).toEqual(['demo-motors-northside']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('refuses to start a storefront that is not built, saying how to build it', () => {
    expect(() =>
      startStorefront({ env: {}, echo: false, server: join(import.meta.dirname, 'missing', 'server.mjs') }),
    ).toThrow(/The storefront is not built .*npx nx build storefront/);
  });
});
