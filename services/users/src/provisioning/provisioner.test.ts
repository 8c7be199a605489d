import sharp from 'sharp';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishedSiteSchema, siteConfigKeys, type ProvisioningStatus } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { freePort } from '@showroom/server-testing';
import { faviconKeys, logoAssetKeys, logoUploadKey, siteAssetKeys } from '../websites/logo-keys';
import type { ObjectStore } from '@showroom/server-storage';
import { awsHostingOver, CERTIFICATE_ARN, fakeAws } from './aws-test-support';
import { ProvisioningClaims } from './claims';
import { ownerFacingError, RUN_FAILED } from './owner-errors';
import { provisioningStatusOf, retryProvisioning } from './requests';
import {
  objectStoreAt,
  startProvisioningBed,
  TEST_MACHINE_TOKEN,
  TEST_MEDIA_URL,
  type ProvisioningBed,
} from './test-support';

let bed: ProvisioningBed;

beforeAll(async () => {
  bed = await startProvisioningBed();
});
afterAll(() => bed?.close());

const statusOf = async (id: string): Promise<ProvisioningStatus> => {
  const status = (await provisioningStatusOf(bed.database.writer, [id])).get(id);
  if (!status) throw new Error(`no status for ${id}`);
  return status;
};
/** The failed run is due again `waitMs` after it failed (a moment ago). */
const expectRetryIn = (status: ProvisioningStatus, waitMs: number) => {
  const dueIn = Date.parse(status.nextAttemptAt ?? '') - bed.clock.now();
  expect(dueIn).toBeGreaterThan(waitMs - 5_000);
  expect(dueIn).toBeLessThanOrEqual(waitMs);
};
const stepOf = async (id: string, step: string) => (await statusOf(id)).steps.find((s) => s.step === step);

/** Every object of the dealership's site (config, assets, upload) with its bytes. */
async function siteObjects(id: string, hosts: string[]): Promise<Map<string, string>> {
  const keys = [
    ...hosts.map(siteConfigKeys.forHost),
    siteConfigKeys.forDealership(id),
    ...(await bed.objects.list(siteConfigKeys.assetsPrefix(id))),
    ...(await bed.objects.list(`sites/uploads/${id}/`)),
  ];
  const objects = new Map<string, string>();
  for (const key of keys) {
    const stored = await bed.objects.get(key);
    if (stored) objects.set(key, stored.body.toString('base64'));
  }
  return objects;
}

const published = async (key: string) => {
  const stored = await bed.objects.get(key);
  return stored ? PublishedSiteSchema.parse(JSON.parse(stored.body.toString('utf8'))) : null;
};

describe('website provisioning', () => {
  it('publishes the site for every host and its logo files, lets its origins post leads, and goes live', async () => {
    const { id, slug } = await bed.newDealership();
    const domain = `www.${slug}.example`;
    await bed.websites.update(id, 2, { customDomains: [domain] });
    const { hash } = await bed.setLogo(id);
    await bed.provisioner().drain();

    const platformHost = `${slug}.localhost`;
    const logo = logoAssetKeys(id, hash);
    const icons = faviconKeys(id, hash);
    expect([...(await siteObjects(id, [platformHost, domain])).keys()].sort()).toEqual(
      [
        siteConfigKeys.forHost(platformHost),
        siteConfigKeys.forHost(domain),
        siteConfigKeys.forDealership(id),
        logo.png,
        logo.webp,
        icons.favicon,
        icons.appleTouch,
        logoUploadKey(id, hash),
      ].sort(),
    );
    const site = await published(siteConfigKeys.forHost(domain));
    expect(site).toMatchObject({
      dealershipId: id,
      slug,
      tagline: 'Cars people keep',
      hosts: [platformHost, domain],
      canonicalOrigin: `http://${domain}:4400`,
      version: 4,
      logo: { url: `${TEST_MEDIA_URL}/${logo.png}`, webpUrl: `${TEST_MEDIA_URL}/${logo.webp}` },
    });
    expect(await published(siteConfigKeys.forHost(platformHost))).toEqual(site);
    expect(await published(siteConfigKeys.forDealership(id))).toEqual(site);
    const imageOf = async (key: string) =>
      sharp((await bed.objects.get(key))?.body ?? Buffer.alloc(0)).metadata();
    expect(await imageOf(icons.favicon)).toMatchObject({ width: 32, height: 32, format: 'png' });
    expect(await imageOf(icons.appleTouch)).toMatchObject({ width: 180, height: 180, hasAlpha: false });
    expect((await bed.objects.get(logo.webp))?.contentType).toBe('image/webp');

    expect(bed.leads.calls.filter((call) => call.path.includes(id))).toEqual([
      {
        method: 'PUT',
        path: `/api/leads/internal/dealerships/${id}/website`,
        authorization: `Bearer ${TEST_MACHINE_TOKEN}`,
        body: {
          dealershipName: site?.name,
          siteOrigins: [`http://${platformHost}:4400`, `http://${domain}:4400`],
        },
      },
    ]);
    const status = await statusOf(id);
    expect(status).toMatchObject({ state: 'live', version: 4, nextAttemptAt: null });
    expect(status.liveAt).not.toBeNull();
    expect(status.steps.map((step) => [step.step, step.status, step.attempts])).toEqual([
      ['upload-assets', 'done', 1],
      ['publish-config', 'done', 1],
      ['attach-domain', 'done', 1],
      ['allow-lead-origins', 'done', 1],
      ['invalidate-cdn', 'done', 1],
    ]);
    expect(status.steps[2]?.detail).toContain(`served at http://${platformHost}:4400`);
    // Nothing on this machine serves a dealer's own domain: it is named unserved, and the detail says why.
    expect(status.unservedDomains).toEqual([domain]);
    expect(status.steps[2]?.detail).toContain(
      `not served on own domains (${domain}): nothing on this machine`,
    );
  });

  it('the own domains not served yet are kept until attach-domain runs again: a new version without them clears them then', async () => {
    const { id, slug } = await bed.newDealership();
    const domain = `www.${slug}.example`;
    await bed.websites.update(id, 2, { customDomains: [domain] });
    await bed.provisioner().drain();
    expect((await statusOf(id)).unservedDomains).toEqual([domain]);

    await bed.websites.update(id, 3, { customDomains: [] });
    // Requested, not run yet: what attach-domain last found still stands.
    expect(await statusOf(id)).toMatchObject({ state: 'pending', unservedDomains: [domain] });
    await bed.provisioner().drain();
    expect(await statusOf(id)).toMatchObject({ state: 'live', unservedDomains: [] });
    const row = await forDealership(bed.database.writer, id)
      .selectFrom('website_provisioning')
      .select('unserved_domains')
      .executeTakeFirstOrThrow();
    expect(row.unserved_domains).toBeNull();
  });

  it('on AWS, an own domain CloudFront refuses leaves the site live and is named unserved; once the CDN takes it, none is', async () => {
    const { id, slug } = await bed.newDealership();
    const domain = `www.${slug}.example`;
    await bed.websites.update(id, 2, { customDomains: [domain] });
    const world = {
      certificates: [{ arn: CERTIFICATE_ARN, domains: [domain] }],
      aliases: ['*.localhost'],
      zones: [],
      refuseAliases: true,
    };
    const aws = fakeAws(world);
    const hosting = awsHostingOver(aws.handler, {
      customerZoneIds: [],
      isPlatformName: (name) => bed.urls.isPlatformHost(name),
    });
    await bed.provisioner({ hosting }).drain();
    let status = await statusOf(id);
    expect(status).toMatchObject({ state: 'live', unservedDomains: [domain] });
    expect(status.steps[2]?.detail).toContain(`not yet served on ${domain}: `);

    world.refuseAliases = false;
    await retryProvisioning(bed.database.writer, id);
    await bed.provisioner({ hosting }).drain();
    status = await statusOf(id);
    expect(status).toMatchObject({ state: 'live', unservedDomains: [] });
    expect(status.steps[2]?.detail).toContain(`CDN names added: ${domain}`);
  });

  it('running it again changes nothing in the bucket', async () => {
    const { id, slug } = await bed.newDealership();
    await bed.setLogo(id);
    const provisioner = bed.provisioner();
    await provisioner.drain();
    const hosts = [`${slug}.localhost`];
    const before = await siteObjects(id, hosts);

    await retryProvisioning(bed.database.writer, id);
    bed.clock.offsetMs += 1_000;
    await provisioner.drain();
    expect(await siteObjects(id, hosts)).toEqual(before);
    expect(await stepOf(id, 'publish-config')).toMatchObject({ status: 'done', attempts: 2 });
    expect((await stepOf(id, 'publish-config'))?.detail).toMatch(/^already published/);
    expect((await stepOf(id, 'upload-assets'))?.detail).toMatch(/already uploaded/);
    expect((await statusOf(id)).state).toBe('live');
  });

  it('a new logo replaces the previous logo files, and removing the logo removes them', async () => {
    const { id } = await bed.newDealership();
    const first = await bed.setLogo(id);
    await bed.provisioner().drain();
    const second = await bed.setLogo(id, { width: 400, height: 400 });
    expect(second.hash).not.toBe(first.hash);
    await bed.provisioner().drain();
    const assets = () => bed.objects.list(siteConfigKeys.assetsPrefix(id));
    expect((await assets()).sort()).toEqual(
      [
        ...Object.values(logoAssetKeys(id, second.hash)),
        ...Object.values(faviconKeys(id, second.hash)),
      ].sort(),
    );
    expect((await stepOf(id, 'invalidate-cdn'))?.detail).toContain('the previous logo files removed');

    await bed.websites.removeLogo(id, null);
    await bed.provisioner().drain();
    expect(await assets()).toEqual([]);
    expect((await published(siteConfigKeys.forDealership(id)))?.logo).toBeNull();
  });

  it('a domain the site no longer has loses its host object; one another dealership took keeps it', async () => {
    const { id, slug } = await bed.newDealership();
    const [kept, dropped, movedAway] = ['www', 'old', 'shop'].map((sub) => `${sub}.${slug}.example`) as [
      string,
      string,
      string,
    ];
    await bed.websites.update(id, 2, { customDomains: [kept, dropped, movedAway] });
    await bed.provisioner().drain();
    expect(await published(siteConfigKeys.forHost(dropped))).not.toBeNull();

    await bed.websites.update(id, 3, { customDomains: [kept] });
    const other = await bed.newDealership();
    await bed.websites.update(other.id, 2, { customDomains: [movedAway] });
    // The other dealership's site is published first, then this one's without the two domains.
    await bed.provisioner().drain();

    expect(await published(siteConfigKeys.forHost(dropped))).toBeNull();
    expect((await published(siteConfigKeys.forHost(movedAway)))?.dealershipId).toBe(other.id);
    expect((await published(siteConfigKeys.forHost(kept)))?.hosts).toEqual([`${slug}.localhost`, kept]);
    expect((await stepOf(id, 'publish-config'))?.detail).toContain(`removed ${dropped}`);
  });

  it('S3 out of reach: the step fails in plain words, backs off 1 then 2 minutes, and succeeds once S3 is back', async () => {
    const { id, slug } = await bed.newDealership();
    const unreachable = objectStoreAt(`http://127.0.0.1:${await freePort()}`);
    const broken = bed.provisioner({ objects: unreachable });
    await broken.drain();

    let status = await statusOf(id);
    expect(status.state).toBe('failed');
    expectRetryIn(status, 60_000);
    // No logo: upload-assets had nothing to do; publish-config could not reach the bucket.
    expect(status.steps.map((step) => step.status)).toEqual([
      'done',
      'failed',
      'pending',
      'pending',
      'pending',
    ]);
    expect(status.steps[1]).toMatchObject({
      step: 'publish-config',
      status: 'failed',
      attempts: 1,
      lastError: 'could not reach the file storage; retrying',
    });
    expect(JSON.stringify(status.steps.map((step) => step.lastError))).not.toMatch(
      /127\.0\.0\.1|ECONNREFUSED|:\d{4,5}\b/,
    );

    // Not due before its time; then due, fails again, and waits twice as long.
    await broken.drain();
    expect((await stepOf(id, 'publish-config'))?.attempts).toBe(1);
    bed.clock.offsetMs += 60_000;
    await broken.drain();
    status = await statusOf(id);
    expect(status.steps[1]).toMatchObject({ status: 'failed', attempts: 2 });
    expectRetryIn(status, 120_000);

    bed.clock.offsetMs += 120_000;
    await bed.provisioner().drain();
    status = await statusOf(id);
    expect(status).toMatchObject({ state: 'live', nextAttemptAt: null });
    expect(status.steps[1]).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(await published(siteConfigKeys.forHost(`${slug}.localhost`))).not.toBeNull();
  });

  it('leads service not listening: the owner reads "could not reach the leads service", never its address', async () => {
    const { id } = await bed.newDealership();
    await bed.provisioner({ env: { LEADS_API_URL: `http://127.0.0.1:${await freePort()}` } }).drain();
    const status = await statusOf(id);
    expect(status.state).toBe('failed');
    expect(status.steps[3]).toMatchObject({
      step: 'allow-lead-origins',
      status: 'failed',
      lastError: 'could not reach the leads service; retrying',
    });
    expect(JSON.stringify(status.steps.map((step) => step.lastError))).not.toMatch(
      /127\.0\.0\.1|ECONNREFUSED|:\d{4,5}\b|fetch failed/,
    );
    const row = await forDealership(bed.database.writer, id)
      .selectFrom('website_provisioning')
      .select('last_error')
      .executeTakeFirstOrThrow();
    expect(row.last_error).toBe('allow-lead-origins: could not reach the leads service; retrying');
  });

  it('leads down: the steps before it stay done, the owner reads why, and Retry finishes from that step', async () => {
    const { id } = await bed.newDealership();
    bed.leads.down = true;
    try {
      await bed.provisioner().drain();
    } finally {
      bed.leads.down = false;
    }
    let status = await statusOf(id);
    expect(status.state).toBe('failed');
    expect(status.steps.map((step) => step.status)).toEqual(['done', 'done', 'done', 'failed', 'pending']);
    expect(status.steps[3]?.lastError).toBe('the leads service is unavailable (it answered 503); retrying');

    await retryProvisioning(bed.database.writer, id);
    await bed.provisioner().drain();
    status = await statusOf(id);
    expect(status.state).toBe('live');
    // The retry went on from the failed step: the first three ran once.
    expect(status.steps.map((step) => [step.status, step.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
      ['done', 1],
      ['done', 2],
      ['done', 1],
    ]);
  });

  it('a change saved while its site is being provisioned is provisioned right after', async () => {
    const { id, slug } = await bed.newDealership();
    let changed = false;
    const provisioner = bed.provisioner({
      hosting: {
        domains: {
          attach: async () => {
            if (!changed) {
              changed = true;
              await bed.websites.update(id, 2, { tagline: 'Saved mid-run' });
            }
            return { detail: 'nothing to attach', unservedDomains: [] };
          },
        },
        cdn: { invalidate: async () => 'no CDN' },
      },
    });
    await provisioner.drain();
    const status = await statusOf(id);
    expect(status).toMatchObject({ state: 'live', version: 3 });
    expect((await published(siteConfigKeys.forHost(`${slug}.localhost`)))?.tagline).toBe('Saved mid-run');
  });

  it('two workers never run the same site at once, and every due site is run once', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => bed.newDealership().then((d) => d.id)));
    const running = new Set<string>();
    const overlaps: string[] = [];
    const runs: string[] = [];
    const hosting = {
      domains: {
        attach: async ({ dealershipId }: { dealershipId: string }) => {
          if (running.has(dealershipId)) overlaps.push(dealershipId);
          running.add(dealershipId);
          await new Promise((resolve) => setTimeout(resolve, 30));
          running.delete(dealershipId);
          runs.push(dealershipId);
          return { detail: 'attached', unservedDomains: [] };
        },
      },
      cdn: { invalidate: async () => 'no CDN' },
    };
    await Promise.all([bed.provisioner({ hosting }).drain(), bed.provisioner({ hosting }).drain()]);
    expect(overlaps).toEqual([]);
    expect(runs.filter((run) => ids.includes(run)).sort()).toEqual([...ids].sort());
  });

  it('a worker that lost its lease records nothing; the site is taken over', async () => {
    const { id } = await bed.newDealership();
    const claims = new ProvisioningClaims(bed.database.writer);
    const now = new Date(bed.clock.now());
    const first = await claims.claim(now, 1_000);
    if (!first) throw new Error('nothing was claimed');
    expect(first.dealershipId).toBe(id);
    expect(await claims.claim(now, 1_000)).toBeNull();

    const later = new Date(now.getTime() + 2_000);
    const second = await claims.claim(later, 60_000);
    if (!second) throw new Error('the run was not taken over');
    expect(second.dealershipId).toBe(id);
    expect(
      await claims.recordStep(first, 'publish-config', 2, { status: 'done', detail: 'late' }, later),
    ).toBe(false);
    expect(
      await claims.recordStep(
        first,
        'attach-domain',
        2,
        { status: 'done', detail: 'late', unservedDomains: ['www.late.example'] },
        later,
      ),
    ).toBe(false);
    expect(await claims.finished(first, 2, later)).toBe(false);
    expect(await claims.heartbeat(first, later, 1_000)).toBe(false);
    const row = await forDealership(bed.database.writer, id)
      .selectFrom('website_provisioning')
      .select(['state', 'claim_token', 'unserved_domains'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'running', claim_token: second.token, unserved_domains: null });
    expect(await claims.finished(second, 2, later)).toBe(true);
  });

  it('the logo files exist before any configuration names them, and a replaced logo’s files stay until the CDN has forgotten the old pages', async () => {
    const { id } = await bed.newDealership();
    const first = await bed.setLogo(id);
    const namedTooEarly: string[] = [];
    // Every configuration put is checked: each logo URL it names must already be in the bucket.
    const watched: ObjectStore = {
      get: (key) => bed.objects.get(key),
      list: (prefix) => bed.objects.list(prefix),
      delete: (keys) => bed.objects.delete(keys),
      async put(key, body, options) {
        if (key.startsWith('sites/hosts/') || key.startsWith('sites/dealerships/')) {
          const logo = PublishedSiteSchema.parse(JSON.parse(body.toString())).logo;
          for (const url of logo ? [logo.url, logo.webpUrl] : []) {
            const named = url.slice(TEST_MEDIA_URL.length + 1);
            if (!(await bed.objects.get(named))) namedTooEarly.push(named);
          }
        }
        await bed.objects.put(key, body, options);
      },
    };
    const oldFiles = Object.values(siteAssetKeys(id, first.hash));
    const present = async (keys: string[]) =>
      (await bed.objects.list(siteConfigKeys.assetsPrefix(id))).filter((key) => keys.includes(key));
    let cdnDown = false;
    const seenByCdn: string[][] = [];
    const provisioner = bed.provisioner({
      objects: watched,
      hosting: {
        domains: { attach: async () => ({ detail: 'nothing to attach', unservedDomains: [] }) },
        cdn: {
          invalidate: async () => {
            seenByCdn.push(await present(oldFiles));
            if (cdnDown) throw new Error('CDN unavailable');
            return 'CDN told';
          },
        },
      },
    });
    await provisioner.drain();
    const second = await bed.setLogo(id, { width: 400, height: 400 });
    cdnDown = true;
    await provisioner.drain();
    // The new logo is published; the CDN could not be told, so the old files are all still there.
    expect((await published(siteConfigKeys.forDealership(id)))?.logo?.url).toContain(
      second.hash.slice(0, 16),
    );
    expect(await present(oldFiles)).toEqual(oldFiles.toSorted());
    expect((await statusOf(id)).steps[4]).toMatchObject({ step: 'invalidate-cdn', status: 'failed' });

    cdnDown = false;
    bed.clock.offsetMs += 60_000;
    await provisioner.drain();
    expect((await statusOf(id)).state).toBe('live');
    expect(seenByCdn.at(-1)).toEqual(oldFiles.toSorted());
    expect(await present(oldFiles)).toEqual([]);
    expect(namedTooEarly).toEqual([]);
  });

  it('the database failing before a step (the lease cannot be extended) fails the run with a backoff instead of leaving it running', async () => {
    const { id } = await bed.newDealership();
    // As a lock wait timeout would: the heartbeat's UPDATE of a running row is refused.
    await sql`CREATE TRIGGER busy_heartbeat BEFORE UPDATE ON website_provisioning FOR EACH ROW
      IF NEW.dealership_id = ${sql.lit(id)} AND OLD.state = 'running' AND NEW.state = 'running' THEN
        SIGNAL SQLSTATE 'HY000' SET MESSAGE_TEXT = 'Lock wait timeout exceeded; try restarting transaction';
      END IF`.execute(bed.database.writer);
    try {
      await bed.provisioner().drain();
    } finally {
      await sql`DROP TRIGGER busy_heartbeat`.execute(bed.database.writer);
    }
    const status = await statusOf(id);
    expect(status.state).toBe('failed');
    expectRetryIn(status, 60_000);
    expect(status.steps[0]).toMatchObject({ step: 'upload-assets', status: 'failed', lastError: RUN_FAILED });

    bed.clock.offsetMs += 60_000;
    await bed.provisioner().drain();
    expect((await statusOf(id)).state).toBe('live');
  });

  it('a worker whose lease ran out mid-run does not publish its older version over the newer one', async () => {
    const { id, slug } = await bed.newDealership();
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let paused!: () => void;
    const reachedPublish = new Promise<void>((resolve) => (paused = resolve));
    // The old worker stalls in publish-config (a slow bucket) past its lease.
    const slow: ObjectStore = {
      get: async (key) => {
        if (key === siteConfigKeys.forDealership(id)) {
          paused();
          await held;
        }
        return bed.objects.get(key);
      },
      put: (key, body, options) => bed.objects.put(key, body, options),
      list: (prefix) => bed.objects.list(prefix),
      delete: (keys) => bed.objects.delete(keys),
    };
    const old = bed.provisioner({ objects: slow, env: { PROVISIONING_LEASE_MS: '1000' } }).drain();
    await reachedPublish;

    await bed.websites.update(id, 2, { tagline: 'The newer tagline' });
    bed.clock.offsetMs += 2_000;
    await bed.provisioner().drain();
    expect((await statusOf(id)).state).toBe('live');
    release();
    await old;

    const site = await published(siteConfigKeys.forHost(`${slug}.localhost`));
    expect(site).toMatchObject({ version: 3, tagline: 'The newer tagline' });
    expect(await published(siteConfigKeys.forDealership(id))).toEqual(site);
    expect(await statusOf(id)).toMatchObject({ state: 'live', version: 3 });
  });

  it('tells the owner what failed in plain words: what could not be reached, the field of a refused site, never the raw text', () => {
    const network = new TypeError('fetch failed', {
      cause: new Error('connect ECONNREFUSED 127.0.0.1:3003'),
    });
    Object.assign(network.cause as Error, { code: 'ECONNREFUSED' });
    expect(ownerFacingError('allow-lead-origins', network)).toBe(
      'could not reach the leads service; retrying',
    );
    const refused = PublishedSiteSchema.safeParse({});
    expect(refused.success).toBe(false);
    expect(ownerFacingError('publish-config', refused.error)).toMatch(
      /^the site cannot be published as it is: .*dealershipId/s,
    );
    expect(ownerFacingError('attach-domain', new Error('socket hang up at 10.0.3.7:443'))).toBe(
      'failed unexpectedly; retrying (see logs)',
    );
  });
});
