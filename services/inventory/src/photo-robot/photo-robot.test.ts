import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import type { PhotoFetchItemStatus, PhotoFetchJob } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { Inventory } from '../app';
import { inventoryAppForTests, type InventoryTestContext } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

/** A JPEG of one colour: each colour is another image (another content hash). */
const jpegOf = (r: number, g: number, b: number) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: { r, g, b } } })
    .jpeg()
    .toBuffer();

/** The dealer's image host, on this machine: the tests' configuration lets the robot reach it. */
async function startImageHost() {
  const red = await jpegOf(200, 20, 20);
  const blue = await jpegOf(20, 20, 200);
  const green = await jpegOf(20, 200, 20);
  const shades = new Map<number, Promise<Buffer>>();
  const shade = (n: number) => {
    if (!shades.has(n)) shades.set(n, jpegOf(10 * n, 100, 255 - 10 * n));
    return shades.get(n) as Promise<Buffer>;
  };
  const hits = new Map<string, number>();
  const busyLeft = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const jpeg = (bytes: Buffer) => res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(bytes);
    if (url.pathname.startsWith('/red')) return jpeg(red);
    if (url.pathname.startsWith('/blue')) return jpeg(blue);
    if (url.pathname.startsWith('/green')) return jpeg(green);
    const shadeNumber = /^\/shade-(\d+)\.jpg$/.exec(url.pathname)?.[1];
    if (shadeNumber) return void shade(Number(shadeNumber)).then(jpeg);
    if (url.pathname.startsWith('/flaky')) {
      // Busy for its first two requests, then an image: the robot's third try gets it.
      const left = busyLeft.get(url.pathname) ?? 2;
      busyLeft.set(url.pathname, left - 1);
      if (left > 0) return res.writeHead(503).end();
      return jpeg(green);
    }
    if (url.pathname === '/always-busy.jpg') return res.writeHead(503).end();
    if (url.pathname === '/silent.jpg') return;
    if (url.pathname.startsWith('/backlog-')) return void setTimeout(() => jpeg(green), 100);
    if (url.pathname === '/trickle.jpg') {
      // Never finishes, never silent for long: only the total time limit or a stop ends it.
      res.writeHead(200, { 'Content-Type': 'image/jpeg' });
      const timer = setInterval(() => res.write(Buffer.alloc(1)), 50);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (url.pathname === '/page.html') {
      return res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end('<html>not a car</html>');
    }
    if (url.pathname === '/to-metadata.jpg') {
      return res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
    }
    if (url.pathname === '/to-other-port.jpg') {
      return res.writeHead(301, { Location: `http://127.0.0.1:${other.port}/red.jpg` }).end();
    }
    if (url.pathname === '/hops.jpg') {
      const n = Number(url.searchParams.get('n') ?? 0);
      return res.writeHead(302, { Location: `/hops.jpg?n=${n + 1}` }).end();
    }
    if (url.pathname === '/large.jpg')
      return res.writeHead(200, { 'Content-Length': String(200 * 1024) }).end(Buffer.alloc(200 * 1024));
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  // Another server on this machine that the configuration does not allow: nothing may reach it.
  const other = { hits: 0, port: 0 };
  const otherServer = http.createServer((_req, res) => {
    other.hits += 1;
    res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(red);
  });
  otherServer.listen(0, '127.0.0.1');
  await once(otherServer, 'listening');
  other.port = (otherServer.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    other,
    close: async () => {
      server.closeAllConnections();
      otherServer.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => server.close(resolve)),
        new Promise((resolve) => otherServer.close(resolve)),
      ]);
    },
  };
}

const host = await startImageHost();
const origin = host.origin;
afterAll(() => host.close());

describe('the photo robot', () => {
  /** The second instance, once a test has started it. */
  let second: Inventory | undefined;
  const ctx = inventoryAppForTests({
    env: {
      PHOTO_ROBOT_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${host.port}`,
      PHOTO_ROBOT_POLL_INTERVAL_MS: '50',
      PHOTO_ROBOT_RETRY_DELAY_MS: '20',
      PHOTO_ROBOT_RESPONSE_TIMEOUT_MS: '200',
      PHOTO_ROBOT_TOTAL_TIMEOUT_MS: '1000',
      PHOTO_ROBOT_MAX_BYTES: String(100 * 1024),
    },
  });

  const asManager = async (c: InventoryTestContext, dealershipId: string) => {
    const token = await c.tokenFor('manager', dealershipId);
    return <T extends request.Test>(req: T) =>
      req.auth(token, { type: 'bearer' }).set('X-Dealership-Id', dealershipId) as T;
  };

  async function newVehicle(dealershipId = ctx.dealershipId): Promise<string> {
    const as = await asManager(ctx, dealershipId);
    const res = await as(request(ctx.app).post('/api/inventory/vehicles')).send(vehicleInput());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  async function start(vehicleId: string, urls: string[]): Promise<request.Response> {
    const as = await asManager(ctx, ctx.dealershipId);
    return as(request(ctx.app).post(`/api/inventory/vehicles/${vehicleId}/photo-fetches`)).send({ urls });
  }

  async function job(jobId: string, dealershipId = ctx.dealershipId): Promise<request.Response> {
    const as = await asManager(ctx, dealershipId);
    return as(request(ctx.app).get(`/api/inventory/photo-fetches/${jobId}`));
  }

  async function finished(jobId: string, timeoutMs = 10_000): Promise<PhotoFetchJob> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const res = await job(jobId);
      expect(res.status).toBe(200);
      if (res.body.status === 'done') return res.body;
      if (Date.now() > until) throw new Error(`job still running: ${JSON.stringify(res.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function photosOf(vehicleId: string): Promise<Array<{ id: string; source: string }>> {
    const as = await asManager(ctx, ctx.dealershipId);
    const res = await as(request(ctx.app).get(`/api/inventory/vehicles/${vehicleId}/photos`));
    expect(res.status).toBe(200);
    return res.body.items;
  }

  /** A job written straight into its tables, as a worker (or a crash) left it; a feed's, by the origin. */
  async function jobInTable(
    vehicleId: string,
    items: Array<{ url: string; status: PhotoFetchItemStatus; due_at: Date; attempts?: number }>,
    createdAt = new Date(),
  ): Promise<string> {
    const tenant = forDealership(ctx.database.writer, ctx.dealershipId);
    const jobId = crypto.randomUUID();
    await tenant
      .insertInto('photo_fetch_jobs')
      .values({
        id: jobId,
        vehicle_id: vehicleId,
        origin_kind: 'feed',
        origin_ref: 'import-1',
        created_at: createdAt,
      })
      .execute();
    await tenant
      .insertInto('photo_fetch_items')
      .values(items.map((item, position) => ({ ...item, job_id: jobId, vehicle_id: vehicleId, position })))
      .execute();
    return jobId;
  }

  it('when a manager pastes links with a repeat, a copy and a dead one, then each link reports what became of it', async () => {
    const vehicleId = await newVehicle();
    const urls = [`${origin}/red.jpg`, `${origin}/gone.jpg`, `${origin}/red.jpg`, `${origin}/red-copy.jpg`];
    const started = await start(vehicleId, urls);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.headers['location']).toBe(`/api/inventory/photo-fetches/${started.body.id}`);
    expect(started.body).toMatchObject({ vehicleId, origin: 'dealer', counts: { total: 4 } });

    const done = await finished(started.body.id);
    expect(done.items.map(({ url, status, reason }) => ({ url, status, reason }))).toEqual([
      { url: urls[0], status: 'added', reason: null },
      { url: urls[1], status: 'failed', reason: 'the server answered 404 Not Found' },
      { url: urls[2], status: 'duplicate', reason: 'the same link as number 1' },
      { url: urls[3], status: 'duplicate', reason: 'the vehicle already has this image' },
    ]);
    expect(done.counts).toMatchObject({
      total: 4,
      added: 1,
      duplicate: 2,
      failed: 1,
      queued: 0,
      fetching: 0,
    });
    expect(done.finishedAt).not.toBeNull();
    const photos = await photosOf(vehicleId);
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ id: done.items[0].photoId, source: 'robot' });
    expect(done.items[3].photoId).toBe(photos[0].id);
    // The repeated link was fetched once.
    expect(host.hits.get('/red.jpg')).toBe(1);

    const list = await (
      await asManager(ctx, ctx.dealershipId)
    )(request(ctx.app).get(`/api/inventory/vehicles/${vehicleId}/photo-fetches`));
    expect(list.body.jobs.map((j: PhotoFetchJob) => j.id)).toEqual([started.body.id]);
  });

  it('when links lead to private addresses, directly or by a redirect, then they are refused and nothing is fetched there', async () => {
    const vehicleId = await newVehicle();
    const urls = [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      `http://[::1]:${host.port}/red.jpg`,
      `http://[::ffff:127.0.0.1]:${host.other.port}/red.jpg`,
      `http://2130706433:${host.other.port}/red.jpg`,
      `http://127.0.0.1:${host.other.port}/red.jpg`,
      'http://10.0.0.5/car.jpg',
      `${origin}/to-metadata.jpg`,
      `${origin}/to-other-port.jpg`,
    ];
    const done = await finished((await start(vehicleId, urls)).body.id);
    for (const item of done.items) {
      expect(item.status, `${item.url}: ${item.reason}`).toBe('refused');
    }
    expect(done.items[0].reason).toContain('link-local');
    expect(done.items[6].reason).toContain('it redirects to http://169.254.169.254/');
    expect(done.items[7].reason).toContain(`it redirects to http://127.0.0.1:${host.other.port}/red.jpg`);
    expect(done.items.every((item) => item.attempts === 1)).toBe(true);
    expect(host.other.hits).toBe(0);
    expect(await photosOf(vehicleId)).toEqual([]);
  });

  it('when a link is not an image, too large, silent or redirects without end, then it fails with the reason', async () => {
    const vehicleId = await newVehicle();
    const done = await finished(
      (
        await start(vehicleId, [
          `${origin}/page.html`,
          `${origin}/large.jpg`,
          `${origin}/hops.jpg`,
          `${origin}/silent.jpg`,
        ])
      ).body.id,
    );
    const [page, large, hops, silent] = done.items;
    expect(page).toMatchObject({ status: 'failed', attempts: 1 });
    expect(page.reason).toMatch(/^page\.html is not an image \(send a .+ photo\)\.$/);
    expect(large).toMatchObject({ status: 'failed', attempts: 1 });
    expect(large.reason).toMatch(/^the image is 0\.2 MiB, more than the 0\.1 MiB allowed$/);
    expect(hops).toEqual(
      expect.objectContaining({ status: 'failed', reason: 'it redirects more than 5 times' }),
    );
    // A silent server may be busy: tried three times, then given up.
    expect(silent).toMatchObject({
      status: 'failed',
      reason: 'the server did not answer within 0.2 s (tried 3 times)',
      attempts: 3,
    });
    expect(await photosOf(vehicleId)).toEqual([]);
  });

  it('when the image host is busy for a while, then the robot tries again and gets the image', async () => {
    const vehicleId = await newVehicle();
    const done = await finished(
      (await start(vehicleId, [`${origin}/flaky-1.jpg`, `${origin}/always-busy.jpg`])).body.id,
    );
    expect(done.items[0]).toMatchObject({ status: 'added', attempts: 3, reason: null });
    expect(done.items[1]).toMatchObject({
      status: 'failed',
      reason: 'the server answered 503 Service Unavailable (tried 3 times)',
      attempts: 3,
    });
    expect(host.hits.get('/always-busy.jpg')).toBe(3);
  });

  it('when a worker died holding a link, then the link is taken up once its lease ends, and not before', async () => {
    const vehicleId = await newVehicle();
    const past = new Date(Date.now() - 1_000);
    const jobId = await jobInTable(vehicleId, [
      { url: `${origin}/blue.jpg`, status: 'fetching', attempts: 1, due_at: past },
      {
        url: `${origin}/green-held.jpg`,
        status: 'fetching',
        attempts: 1,
        due_at: new Date(Date.now() + 60_000),
      },
    ]);

    const until = Date.now() + 5_000;
    let current: PhotoFetchJob = (await job(jobId)).body;
    while (current.items[0].status === 'fetching' && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      current = (await job(jobId)).body;
    }
    expect(current.items[0]).toMatchObject({ status: 'added', attempts: 2 });
    expect(current.items[1]).toMatchObject({ status: 'fetching', attempts: 1 });
    expect(current.status).toBe('running');
    expect(host.hits.get('/green-held.jpg')).toBeUndefined();
    const photos = await photosOf(vehicleId);
    expect(photos).toEqual([expect.objectContaining({ id: current.items[0].photoId, source: 'feed' })]);
  });

  it('when the vehicle is full, or was deleted while its links waited, then the links fail saying so', async () => {
    const full = await newVehicle();
    const tenant = forDealership(ctx.database.writer, ctx.dealershipId);
    await tenant.updateTable('vehicles').set({ photo_count: 60 }).where('id', '=', full).execute();
    const fullJob = await finished((await start(full, [`${origin}/green-full.jpg`])).body.id);
    expect(fullJob.items[0]).toMatchObject({
      status: 'failed',
      reason: 'The vehicle already has 60 photos; green-full.jpg was not added.',
    });

    // Queued as the worker found it: the vehicle was deleted after the job was queued.
    const gone = crypto.randomUUID();
    const jobId = await jobInTable(gone, [
      { url: `${origin}/green-gone.jpg`, status: 'queued', due_at: new Date() },
    ]);
    const goneJob = await finished(jobId);
    expect(goneJob.items[0]).toMatchObject({ status: 'failed', reason: `Vehicle ${gone} was not found.` });
  });

  it('forgets finished jobs after the retention days, but not a job with a link still pending', async () => {
    const vehicleId = await newVehicle();
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    const later = new Date(Date.now() + 60_000);
    const oldDone = await jobInTable(
      vehicleId,
      [{ url: `${origin}/red.jpg`, status: 'failed', due_at: longAgo }],
      longAgo,
    );
    const oldHeld = await jobInTable(
      vehicleId,
      [{ url: `${origin}/held.jpg`, status: 'fetching', due_at: later, attempts: 1 }],
      longAgo,
    );
    const recentDone = await jobInTable(vehicleId, [
      { url: `${origin}/red.jpg`, status: 'refused', due_at: new Date() },
    ]);

    expect(await ctx.inventory.photoRobot.worker.prune()).toBeGreaterThanOrEqual(1);

    expect((await job(oldDone)).status).toBe(404);
    expect((await job(oldHeld)).status).toBe(200);
    expect((await job(recentDone)).status).toBe(200);
    const left = await forDealership(ctx.database.writer, ctx.dealershipId)
      .selectFrom('photo_fetch_items')
      .select('id')
      .where('job_id', '=', oldDone)
      .execute();
    expect(left).toEqual([]);
  });

  it('when two instances run, then each link is fetched once', async () => {
    second = await ctx.anotherInstance();
    const vehicleId = await newVehicle();
    const urls = Array.from({ length: 8 }, (_, i) => `${origin}/shade-${i}.jpg`);
    const done = await finished((await start(vehicleId, urls)).body.id);
    expect(done.counts).toMatchObject({ added: 8, failed: 0 });
    for (let i = 0; i < 8; i++) expect(host.hits.get(`/shade-${i}.jpg`)).toBe(1);
    expect(await photosOf(vehicleId)).toHaveLength(8);
  });

  it('when the list has bad links, then it is refused naming each, and nothing is queued', async () => {
    const vehicleId = await newVehicle();
    const res = await start(vehicleId, [`${origin}/red.jpg`, 'ftp://example.com/car.jpg', 'car.jpg', ' ']);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([
      { name: 'body.urls.1', reason: 'must be an http or https link, not ftp' },
      { name: 'body.urls.2', reason: 'is not a link (it must start with http:// or https://)' },
      { name: 'body.urls.3', reason: 'is empty' },
    ]);
    const tooMany = await start(
      vehicleId,
      Array.from({ length: 61 }, (_, i) => `${origin}/red-${i}.jpg`),
    );
    expect(tooMany.body.invalidParams).toEqual([
      { name: 'body.urls', reason: 'give at most 60 image links' },
    ]);
    const none = await start(vehicleId, []);
    expect(none.body.invalidParams).toEqual([{ name: 'body.urls', reason: 'give at least one image link' }]);
    const list = await (
      await asManager(ctx, ctx.dealershipId)
    )(request(ctx.app).get(`/api/inventory/vehicles/${vehicleId}/photo-fetches`));
    expect(list.body.jobs).toEqual([]);
  });

  it('when another dealership asks for our vehicle or our job, then it gets 404 and nothing is fetched', async () => {
    const vehicleId = await newVehicle();
    const started = await start(vehicleId, [`${origin}/green-ours.jpg`]);
    await finished(started.body.id);
    const theirs = ctx.newDealership();
    const as = await asManager(ctx, theirs);
    const theirJob = await job(started.body.id, theirs);
    expect(theirJob.status).toBe(404);
    expect(JSON.stringify(theirJob.body)).not.toContain('green-ours');
    const theirStart = await as(
      request(ctx.app).post(`/api/inventory/vehicles/${vehicleId}/photo-fetches`),
    ).send({
      urls: [`${origin}/green-theirs.jpg`],
    });
    expect(theirStart.status).toBe(404);
    const theirList = await as(request(ctx.app).get(`/api/inventory/vehicles/${vehicleId}/photo-fetches`));
    expect(theirList.status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(host.hits.get('/green-theirs.jpg')).toBeUndefined();
  });

  it('when a feed import has a backlog, then links a dealer pastes are fetched before the rest of it', async () => {
    const vehicleId = await newVehicle();
    const backlog = Array.from({ length: 16 }, (_, i) => `${origin}/backlog-${i}.jpg`);
    const feedJob = await ctx.inventory.photoRobot.queue.enqueue(ctx.dealershipId, vehicleId, backlog, {
      kind: 'feed',
      importId: 'import-2',
    });
    const dealerJob = (await start(vehicleId, [`${origin}/backlog-dealer.jpg`])).body.id;
    await finished(dealerJob);
    await finished(feedJob);
    const fetched = [...host.hits.keys()].filter((path) => path.startsWith('/backlog-'));
    expect(fetched).toHaveLength(17);
    // At most the links already being fetched (4 per instance) went first.
    expect(fetched.indexOf('/backlog-dealer.jpg')).toBeLessThanOrEqual(8);
  });

  // Last: it stops the workers of this file's app.
  it('when the service stops during a download, then the link goes back to the queue at once, the try not counted', async () => {
    const vehicleId = await newVehicle();
    const jobId = (await start(vehicleId, [`${origin}/trickle.jpg`])).body.id;
    const until = Date.now() + 5_000;
    while ((await job(jobId)).body.items[0].status !== 'fetching') {
      if (Date.now() > until) throw new Error('the link was never claimed');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    await Promise.all([ctx.inventory.photoRobot.worker.stop(), second?.photoRobot.worker.stop()]);

    expect((await job(jobId)).body.items[0]).toMatchObject({ status: 'queued', attempts: 0, reason: null });
  });
});
