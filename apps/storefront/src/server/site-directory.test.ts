import { siteConfigKeys } from '@showroom/contracts';
import { LOCAL_S3_CREDENTIALS, createS3ObjectStore, type ObjectStore } from '@showroom/server-storage';
import { startS3Local, testLogger, type S3Local } from '@showroom/server-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteDirectory } from './site-directory';
import { publishedSite } from './testing/fixtures';

const BUCKET = 'site-directory-test';
let s3: S3Local;
let store: ObjectStore;

beforeAll(async () => {
  s3 = await startS3Local({ buckets: [BUCKET] });
  store = createS3ObjectStore({
    bucket: BUCKET,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    credentials: { ...LOCAL_S3_CREDENTIALS },
  });
});
afterAll(() => s3?.close());

const site = publishedSite({
  dealershipId: '33333333-3333-4333-8333-333333333333',
  name: 'Gamma',
  slug: 'gamma',
});
const put = (host: string, body: unknown) =>
  store.put(siteConfigKeys.forHost(host), typeof body === 'string' ? body : JSON.stringify(body), {
    contentType: 'application/json',
  });
const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

describe('the site of a host', () => {
  it('is what provisioning published under sites/hosts/<host>.json, re-read after its cache time', async () => {
    const directory = new SiteDirectory(store, testLogger(), { ttlMs: 300 });
    await put('gamma.localhost', site);
    expect((await directory.siteFor('gamma.localhost'))?.name).toBe('Gamma');
    await put('gamma.localhost', { ...site, name: 'Gamma Cars', version: 2 });
    expect((await directory.siteFor('gamma.localhost'))?.name).toBe('Gamma');
    await sleep(350);
    expect((await directory.siteFor('gamma.localhost'))?.name).toBe('Gamma Cars');
  });

  it('remembers "no site here" for a short time only, so a new site answers within seconds', async () => {
    const directory = new SiteDirectory(store, testLogger(), { ttlMs: 60_000, unknownTtlMs: 200 });
    expect(await directory.siteFor('delta.localhost')).toBeNull();
    await put('delta.localhost', { ...site, hosts: ['delta.localhost'] });
    await sleep(250);
    expect((await directory.siteFor('delta.localhost'))?.name).toBe('Gamma');
  });

  it('serves no site for an object that is not a published site, rather than a broken page', async () => {
    const directory = new SiteDirectory(store, testLogger(), { ttlMs: 1_000 });
    await put('broken.localhost', '{not json');
    await put('partial.localhost', { name: 'No id' });
    expect(await directory.siteFor('broken.localhost')).toBeNull();
    expect(await directory.siteFor('partial.localhost')).toBeNull();
  });

  it('keeps serving the last known site while S3 does not answer', async () => {
    const own = await startS3Local({ buckets: [BUCKET] });
    const ownStore = createS3ObjectStore({
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint: own.endpoint,
      credentials: { ...LOCAL_S3_CREDENTIALS },
    });
    const directory = new SiteDirectory(ownStore, testLogger(), { ttlMs: 100 });
    await ownStore.put(siteConfigKeys.forHost('epsilon.localhost'), JSON.stringify(site), {
      contentType: 'application/json',
    });
    expect(await directory.siteFor('epsilon.localhost')).not.toBeNull();
    await own.close();
    await sleep(150);
    expect((await directory.siteFor('epsilon.localhost'))?.name).toBe('Gamma');
  });
});
