import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishedSiteSchema, siteConfigKeys, type ProvisioningStatus } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { logoAssetKeys, logoUploadKey } from '../websites/logo-keys';
import { ProvisioningClaims } from './claims';
import { iconAssetKeys } from './published';
import { stepErrorOf } from './provisioner';
import { provisioningStatusOf, retryProvisioning } from './requests';
import {
  closedPort,
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
    const icons = iconAssetKeys(id, hash);
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
      ['publish-config', 'done', 1],
      ['upload-assets', 'done', 1],
      ['attach-domain', 'done', 1],
      ['allow-lead-origins', 'done', 1],
      ['invalidate-cdn', 'done', 1],
    ]);
    expect(status.steps[2]?.detail).toContain(`served at http://${platformHost}:4400`);
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
        ...Object.values(iconAssetKeys(id, second.hash)),
      ].sort(),
    );
    expect((await stepOf(id, 'upload-assets'))?.detail).toContain('the previous logo files removed');

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

  it('S3 out of reach: the step fails with a readable error, backs off 1 then 2 minutes, and succeeds once S3 is back', async () => {
    const { id, slug } = await bed.newDealership();
    const unreachable = objectStoreAt(`http://127.0.0.1:${await closedPort()}`);
    const broken = bed.provisioner({ objects: unreachable });
    await broken.drain();

    let status = await statusOf(id);
    expect(status.state).toBe('failed');
    expectRetryIn(status, 60_000);
    const failedStep = status.steps[0];
    expect(failedStep).toMatchObject({ step: 'publish-config', status: 'failed', attempts: 1 });
    expect(failedStep?.lastError).toMatch(/ECONNREFUSED/);
    expect(failedStep?.lastError).not.toMatch(/\n\s+at /);
    expect(status.steps.slice(1).map((step) => step.status)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ]);

    // Not due before its time; then due, fails again, and waits twice as long.
    await broken.drain();
    expect((await stepOf(id, 'publish-config'))?.attempts).toBe(1);
    bed.clock.offsetMs += 60_000;
    await broken.drain();
    status = await statusOf(id);
    expect(status.steps[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expectRetryIn(status, 120_000);

    bed.clock.offsetMs += 120_000;
    await bed.provisioner().drain();
    status = await statusOf(id);
    expect(status).toMatchObject({ state: 'live', nextAttemptAt: null });
    expect(status.steps[0]).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(await published(siteConfigKeys.forHost(`${slug}.localhost`))).not.toBeNull();
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
    expect(status.steps[3]?.lastError).toBe(`PUT /api/leads/internal/dealerships/${id}/website answered 503`);

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
            return 'nothing to attach';
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
          return 'attached';
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
    expect(await claims.finished(first, 2, later)).toBe(false);
    expect(await claims.heartbeat(first, later, 1_000)).toBe(false);
    const row = await forDealership(bed.database.writer, id)
      .selectFrom('website_provisioning')
      .select(['state', 'claim_token'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'running', claim_token: second.token });
    expect(await claims.finished(second, 2, later)).toBe(true);
  });

  it('tells the owner what failed in plain words: the cause of a network failure, the field of a refused site', () => {
    const network = new TypeError('fetch failed', {
      cause: new Error('connect ECONNREFUSED 127.0.0.1:3003'),
    });
    expect(stepErrorOf(network)).toBe('TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:3003)');
    const refused = PublishedSiteSchema.safeParse({});
    expect(refused.success).toBe(false);
    expect(stepErrorOf(refused.error)).toMatch(/^the site cannot be published as it is: .*dealershipId/s);
    expect(stepErrorOf('thrown text')).toBe('the step failed');
  });
});
