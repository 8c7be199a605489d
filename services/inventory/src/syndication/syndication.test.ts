import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyndicationSettingsInput } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { photoJpeg } from '../photos/photo-fixtures';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';
import { SyndicationRepository } from './repository';

const base = '/api/inventory/syndication';

describe('syndication: a dealership’s feeds to Google, Meta and marketplaces', () => {
  const ctx = inventoryAppForTests({
    env: { SYNDICATION_DEBOUNCE_MS: '0', SYNDICATION_FOLLOW_INTERVAL_MS: '50' },
  });
  let dealershipId: string;
  let owner: string;

  beforeAll(async () => {
    dealershipId = ctx.directory.add({ id: randomUUID(), name: 'Maple Motors' }).id;
    owner = await ctx.tokenFor('owner', dealershipId);
  });

  const as = (token: string, dealership = dealershipId) => {
    const go = (method: 'get' | 'put' | 'post' | 'patch', path: string) =>
      request(ctx.app)[method](path).auth(token, { type: 'bearer' }).set('X-Dealership-Id', dealership);
    return {
      get: (path: string) => go('get', path),
      put: (path: string, body: object) => go('put', path).send(body),
      post: (path: string, body: object = {}) => go('post', path).send(body),
      patch: (path: string, body: object, etag: string) => go('patch', path).set('If-Match', etag).send(body),
    };
  };

  const settings = (overrides: SyndicationSettingsInput = {}): SyndicationSettingsInput => ({
    channels: { google: true, meta: true, marketplace: true },
    webReady: { requirePrice: true, minPhotos: 0, requireDescription: false },
    storeCode: 'MAPLE-01',
    address: {
      street: '1800 Main St.',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    websiteBaseUrl: 'https://www.maple-motors.example/',
    ...overrides,
  });

  /** The object behind a feed's public address. */
  const keyOf = (url: string) => url.slice(url.indexOf('/feeds/') + 1);
  /**
   * The feed behind an address, null when there is none. s3rver (unlike S3) writes an object in place,
   * so a read while the background generator rewrites it can see it empty or cut, or have its response
   * aborted: read again until it is whole (every feed file ends with a line break).
   */
  const feedText = async (url: string): Promise<string | null> => {
    for (let attempt = 0; ; attempt++) {
      const read = await ctx.objects.get(keyOf(url)).then(
        (object) => ({ text: object?.body.toString('utf8') ?? null }),
        (error: unknown) => (attempt === 40 ? Promise.reject(error) : { text: '' }),
      );
      const { text } = read;
      if (text === null || text.endsWith('\n') || attempt === 40) return text;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const channel = async (name: string, token = owner, dealership = dealershipId) => {
    const res = await as(token, dealership).get(`${base}/channels`);
    expect(res.status).toBe(200);
    return res.body.channels.find((c: { channel: string }) => c.channel === name);
  };
  const addVehicle = async (overrides: Parameters<typeof vehicleInput>[0] = {}) => {
    const res = await as(owner).post('/api/inventory/vehicles', vehicleInput(overrides));
    expect(res.status).toBe(201);
    return res;
  };
  async function eventually<T>(
    read: () => Promise<T>,
    until: (value: T) => boolean,
    timeoutMs = 8_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (until(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('Google and Meta cannot be turned on without a store code (Google) and a full address: 422 naming the fields', async () => {
    const res = await as(owner).put(`${base}/settings`, {
      ...settings(),
      storeCode: '',
      address: { street: '1800 Main St.', city: '', region: 'IL', postalCode: '62701', country: 'US' },
    });

    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'body.storeCode',
      'body.address.city',
    ]);
  });

  it('bad settings are refused with a problem naming each bad field', async () => {
    const res = await as(owner).put(`${base}/settings`, {
      ...settings(),
      webReady: { requirePrice: true, minPhotos: 99, requireDescription: false },
      address: { country: 'USA' },
      websiteBaseUrl: 'ftp://maple.example',
    });

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const names = res.body.invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['body.webReady.minPhotos', 'body.address.country', 'body.websiteBaseUrl']),
    );
  });

  it('turning channels on publishes their feeds at secret addresses, with the ready cars in and the others reported', async () => {
    // Meta takes no car without an exterior colour.
    const ready = (await addVehicle({ description: 'Clean history', exteriorColor: 'Lunar Silver' })).body;
    const noPrice = (await addVehicle({ priceCents: null })).body;
    // Google and Meta take no car without an image, whatever the dealership's rule.
    const photo = await request(ctx.app)
      .post(`/api/inventory/vehicles/${ready.id}/photos`)
      .auth(owner, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .attach('photos', await photoJpeg(64, 48, 201), 'front.jpg');
    expect(photo.status).toBe(201);

    const saved = await as(owner).put(`${base}/settings`, settings());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ dealershipName: 'Maple Motors', settings: { storeCode: 'MAPLE-01' } });

    const google = await channel('google');
    expect(google).toMatchObject({ enabled: true, excluded: 1 });
    expect(google.included).toBeGreaterThanOrEqual(1);
    expect(google.files[0].url).toMatch(
      new RegExp(
        `^http://media\\.test/media/feeds/${dealershipId}/[A-Za-z0-9_-]{32}/google-vehicle-ads\\.tsv$`,
      ),
    );
    const rows = parse((await feedText(google.files[0].url)) ?? '', {
      columns: true,
      delimiter: '\t',
      quote: false,
    }) as Record<string, string>[];
    expect(rows.find((row) => row.vin === ready.vin)).toMatchObject({
      store_code: 'MAPLE-01',
      dealership_name: 'Maple Motors',
      dealership_address: '1800 Main St., Springfield, IL 62701, US',
      link: `https://www.maple-motors.example/vehicles/${ready.id}`,
      price: '26495.00 USD',
      condition: 'used',
      mileage: '24500 miles',
    });
    expect(rows.some((row) => row.vin === noPrice.vin)).toBe(false);
    const stored = await ctx.objects.get(keyOf(google.files[0].url));
    expect(stored?.contentType).toContain('text/tab-separated-values');

    const meta = await channel('meta');
    expect(meta.files.map((f: { name: string }) => f.name)).toEqual([
      'meta-automotive.csv',
      'meta-automotive.xml',
    ]);
    expect(await feedText(meta.files[1].url)).toContain(`<vin>${ready.vin}</vin>`);

    const report = await as(owner).get(`${base}/channels/marketplace/report`);
    expect(report.status).toBe(200);
    expect(report.body.excluded).toEqual([
      expect.objectContaining({
        vehicleId: noPrice.id,
        stockNumber: noPrice.stockNumber,
        reasons: ['no_price'],
      }),
    ]);
    const googleReport = await as(owner).get(`${base}/channels/google/report`);
    expect(googleReport.body.excluded).toEqual([
      expect.objectContaining({ vehicleId: noPrice.id, reasons: ['no_price', 'no_photos'] }),
    ]);

    const runs = await forDealership(ctx.database.writer, dealershipId)
      .selectFrom('syndication_runs')
      .selectAll()
      .execute();
    // The save generated once per channel (the change feed may add runs of its own for the new cars).
    const saveRuns = runs.filter((run) => run.trigger_kind === 'settings');
    expect(saveRuns.map((run) => run.channel).sort()).toEqual(['google', 'marketplace', 'meta']);
    expect(saveRuns.every((run) => run.bytes > 0 && run.included >= 1 && run.excluded === 1)).toBe(true);
  });

  it('a change to a vehicle reaches the feeds without anyone asking (the change feed is followed)', async () => {
    const created = await addVehicle();
    const marketplace = await channel('marketplace');
    const url = marketplace.files[0].url;

    const changed = await as(owner).patch(
      `/api/inventory/vehicles/${created.body.id}`,
      { priceCents: 1_999_900 },
      created.headers['etag'],
    );
    expect(changed.status).toBe(200);

    const text = await eventually(
      () => feedText(url),
      (value) => value?.includes('19999.00') ?? false,
    );
    const row = (parse(text ?? '', { columns: true }) as Record<string, string>[]).find(
      (r) => r.vin === created.body.vin,
    );
    expect(row?.price).toBe('19999.00');
  });

  it('regenerate now writes a run of its own', async () => {
    const res = await as(owner).post(`${base}/regenerate`);
    expect(res.status).toBe(200);
    expect(res.body.channels.find((c: { channel: string }) => c.channel === 'google').lastRun).toMatchObject({
      trigger: 'manual',
    });
  });

  it('rotating the secret deletes every old feed object: the old addresses stop working', async () => {
    const before = await channel('google');
    const oldPrefix = keyOf(before.files[0].url).replace(/[^/]+$/, '');
    expect((await ctx.objects.list(oldPrefix)).length).toBe(4);

    const rotated = await as(owner).post(`${base}/rotate-secret`);

    expect(rotated.status).toBe(200);
    expect(await ctx.objects.list(oldPrefix)).toEqual([]);
    const after = rotated.body.channels.find((c: { channel: string }) => c.channel === 'google');
    expect(after.files[0].url).not.toBe(before.files[0].url);
    expect(await feedText(after.files[0].url)).toContain('store_code');
  });

  it('turning a channel off deletes its file and its report', async () => {
    const meta = await channel('meta');
    const res = await as(owner).put(
      `${base}/settings`,
      settings({ channels: { google: true, meta: false, marketplace: true } }),
    );
    expect(res.status).toBe(200);

    expect(await feedText(meta.files[0].url)).toBeNull();
    expect(await channel('meta')).toMatchObject({ enabled: false, files: [], included: null });
  });

  it('photos: the hero leads, the web-ready rule counts them, and choosing another hero reaches the feed', async () => {
    const other = ctx.directory.add({ id: randomUUID(), name: 'Photo Motors' }).id;
    const token = await ctx.tokenFor('owner', other);
    const upload = async (vehicleId: string, seed: number) => {
      const res = await request(ctx.app)
        .post(`/api/inventory/vehicles/${vehicleId}/photos`)
        .auth(token, { type: 'bearer' })
        .set('X-Dealership-Id', other)
        .attach('photos', await photoJpeg(64, 48, seed), `car-${seed}.jpg`);
      expect(res.status).toBe(201);
      return res.body.items[0].photo as { id: string; urls: { full: { jpeg: string } } };
    };
    const two = (await as(token, other).post('/api/inventory/vehicles', vehicleInput())).body;
    const one = (await as(token, other).post('/api/inventory/vehicles', vehicleInput())).body;
    const first = await upload(two.id, 301);
    const second = await upload(two.id, 302);
    await upload(one.id, 303);

    const saved = await as(token, other).put(
      `${base}/settings`,
      settings({ channels: { google: true, meta: false, marketplace: false }, webReady: { minPhotos: 2 } }),
    );
    expect(saved.status).toBe(200);
    const google = await channel('google', token, other);
    const rowOf = async () =>
      (
        parse((await feedText(google.files[0].url)) ?? '', {
          columns: true,
          delimiter: '\t',
          quote: false,
        }) as Record<string, string>[]
      ).find((row) => row.vin === two.vin);
    expect(await rowOf()).toMatchObject({
      image_link: first.urls.full.jpeg,
      additional_image_link: second.urls.full.jpeg,
    });
    const report = await as(token, other).get(`${base}/channels/google/report`);
    expect(report.body.excluded).toEqual([
      expect.objectContaining({ vehicleId: one.id, reasons: ['too_few_photos'] }),
    ]);

    const hero = await request(ctx.app)
      .put(`/api/inventory/vehicles/${two.id}/photos/hero`)
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', other)
      .send({ photoId: second.id });
    expect(hero.status).toBe(200);
    const row = await eventually(rowOf, (value) => value?.image_link === second.urls.full.jpeg);
    expect(row).toMatchObject({
      image_link: second.urls.full.jpeg,
      additional_image_link: first.urls.full.jpeg,
    });
  });

  it('another dealership rotating its own addresses leaves ours working', async () => {
    const ours = await channel('google');
    const other = ctx.newDealership();
    const theirs = await as(await ctx.tokenFor('manager', other), other).post(`${base}/rotate-secret`);
    expect(theirs.status).toBe(200);
    expect(await feedText(ours.files[0].url)).toContain('store_code');
  });

  it('runs older than 30 days are pruned; newer ones and the latest reports stay', async () => {
    const tenant = forDealership(ctx.database.writer, dealershipId);
    const old = new Date(Date.now() - 40 * 86_400_000);
    await tenant
      .insertInto('syndication_runs')
      .values({
        channel: 'google',
        trigger_kind: 'schedule',
        included: 1,
        excluded: 0,
        bytes: 10,
        duration_ms: 1,
        finished_at: old,
      })
      .execute();
    const count = async () =>
      (await tenant.selectFrom('syndication_runs').select('finished_at').execute()).length;
    const before = await count();

    await new SyndicationRepository(ctx.database.writer).pruneRuns(30);

    expect(await count()).toBe(before - 1);
    expect((await channel('google')).lastRun).not.toBeNull();
  });

  it('another dealership sees none of it: its own defaults, no addresses, an empty report; sales are refused', async () => {
    const other = ctx.newDealership();
    const theirOwner = await ctx.tokenFor('owner', other);

    const theirSettings = await as(theirOwner, other).get(`${base}/settings`);
    expect(theirSettings.body.settings.storeCode).toBeNull();
    expect((await channel('google', theirOwner, other)).files).toEqual([]);
    const report = await as(theirOwner, other).get(`${base}/channels/google/report`);
    expect(report.body).toMatchObject({ included: 0, excluded: [] });

    const sales = await as(await ctx.tokenFor('sales', dealershipId)).get(`${base}/channels`);
    expect(sales.status).toBe(403);
  });
});
