import { siteConfigKeys } from '@showroom/contracts';
import { LOCAL_S3_CREDENTIALS, createS3ObjectStore } from '@showroom/server-storage';
import { startS3Local, testLogger, type S3Local } from '@showroom/server-testing';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteDirectory } from './site-directory';
import { siteResolver } from './site-routes';
import { publishedSite } from './testing/fixtures';

const BUCKET = 'site-routes-test';
let s3: S3Local;
let sites: SiteDirectory;

beforeAll(async () => {
  s3 = await startS3Local({ buckets: [BUCKET] });
  const store = createS3ObjectStore({
    bucket: BUCKET,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    credentials: { ...LOCAL_S3_CREDENTIALS },
  });
  const site = publishedSite({
    dealershipId: '44444444-4444-4444-8444-444444444444',
    name: 'Delta Cars',
    slug: 'delta-cars',
  });
  await store.put(siteConfigKeys.forHost('www.delta-cars.example'), JSON.stringify(site), {
    contentType: 'application/json',
  });
  sites = new SiteDirectory(store, testLogger(), { ttlMs: 1_000 });
});
afterAll(() => s3?.close());

/** The site a request was given, by name, or the status when it was refused. */
function appNamingTheSite(siteHostHeader?: string) {
  const app = express();
  app.use(siteResolver(sites, siteHostHeader));
  app.get('/', (_req, res) => void res.json({ site: (res.locals['site'] as { name: string }).name }));
  return app;
}

describe('choosing the site of a request', () => {
  it('behind CloudFront, is the viewer host the CDN names in X-Site-Host, not the origin name in Host', async () => {
    const response = await request(appNamingTheSite('x-site-host'))
      .get('/')
      .set('Host', 'origin.showroom.example')
      .set('X-Site-Host', 'WWW.Delta-Cars.example');
    expect(response.body).toEqual({ site: 'Delta Cars' });
  });

  it('without a CDN header configured, ignores X-Site-Host: a shopper cannot pick another site with it', async () => {
    const response = await request(appNamingTheSite())
      .get('/')
      .set('Host', 'origin.showroom.example')
      .set('X-Site-Host', 'www.delta-cars.example');
    expect(response.status).toBe(404);
    expect(response.text).toContain('No dealership site here');
  });

  it('falls back to Host when the CDN header is absent', async () => {
    const response = await request(appNamingTheSite('x-site-host'))
      .get('/')
      .set('Host', 'www.delta-cars.example');
    expect(response.body).toEqual({ site: 'Delta Cars' });
  });
});
