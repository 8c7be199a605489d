import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedSource, ImportJob } from '@showroom/contracts';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { asManager, csvOf, feedCar } from './import-test-support';

describe('a feed URL fetched on a schedule', () => {
  let ctx: InventoryTestContext;
  let server: Server;
  let feedUrl: string;
  let served = csvOf([feedCar(), feedCar()]);
  const logLines: string[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  );

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/bad-redirect/')) return res.writeHead(302, { Location: 'http://[bad' }).end();
      if (req.url?.startsWith('/busy/')) return res.writeHead(503).end();
      res.writeHead(200, { 'Content-Type': 'text/csv' }).end(served);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    feedUrl = `http://127.0.0.1:${port}/exports/stock.csv`;
    ctx = await startInventoryTestApp({
      env: { FEED_IMPORT_POLL_INTERVAL_MS: '20', PHOTO_ROBOT_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port}` },
      logger,
    });
  });
  afterAll(async () => {
    await ctx.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const feedSource = async (
    d: Awaited<ReturnType<typeof asManager>>,
    until: (source: FeedSource) => boolean,
  ) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const source = (await d.send('get', '/api/inventory/imports/feed-source')).body as FeedSource;
      if (until(source)) return source;
      if (Date.now() > deadline) throw new Error(`the feed source stayed ${JSON.stringify(source)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it('is refused until a mapping is saved, then fetched and imported with it', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    const schedule = { url: feedUrl, intervalHours: 6, enabled: true };
    const early = await d.send('put', '/api/inventory/imports/feed-source').send(schedule);
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');

    await d.importFile(csvOf([feedCar()]));
    served = csvOf([feedCar(), feedCar()]);
    const saved = await d.send('put', '/api/inventory/imports/feed-source').send(schedule);
    expect(saved.status).toBe(200);
    const source = await feedSource(d, (s) => s.lastImportId !== null);
    expect(source).toMatchObject({ url: feedUrl, intervalHours: 6, enabled: true, lastError: null });
    const hoursAhead = (Date.parse(source.nextFetchAt ?? '') - Date.now()) / 3_600_000;
    expect(hoursAhead).toBeGreaterThan(5.9);
    const job = await d.finished(source.lastImportId as string);
    expect(job).toMatchObject<Partial<ImportJob>>({
      source: 'feed_url',
      fileName: '127.0.0.1',
      status: 'succeeded',
    });
    expect(job.counts.created).toBe(2);
  });

  it('records why a feed URL could not be fetched (a private address the robot never reaches)', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    await d.importFile(csvOf([feedCar()]));
    await d
      .send('put', '/api/inventory/imports/feed-source')
      .send({ url: 'http://10.0.0.7/stock.csv', intervalHours: 24, enabled: true });
    const source = await feedSource(d, (s) => s.lastError !== null);
    expect(source.lastError).toMatch(/could not be fetched/);
    expect(source.lastImportId).toBeNull();
  });

  it('refuses a schedule without a URL, naming the field', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    const res = await d
      .send('put', '/api/inventory/imports/feed-source')
      .send({ url: null, intervalHours: 6, enabled: true });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'body.url' })]);
  });

  it('names the import by the host only, never the path that may carry the DMS token (a malformed % too)', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    await d.importFile(csvOf([feedCar()]));
    const url = feedUrl.replace('/exports/stock.csv', '/exports/TOKEN-f00d/stock%ZZ.csv');
    await d.send('put', '/api/inventory/imports/feed-source').send({ url, intervalHours: 24, enabled: true });
    const source = await feedSource(d, (s) => s.lastImportId !== null || s.lastError !== null);
    expect(source.lastError).toBeNull();
    const job = (await d.send('get', `/api/inventory/imports/${source.lastImportId}`)).body as ImportJob;
    expect(job.fileName).toBe('127.0.0.1');
  });

  it('a redirect to an invalid address fails the fetch, and the logs never hold the feed URL', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    await d.importFile(csvOf([feedCar()]));
    const url = feedUrl.replace('/exports/stock.csv', '/bad-redirect/TOKEN-beef/stock.csv');
    await d.send('put', '/api/inventory/imports/feed-source').send({ url, intervalHours: 24, enabled: true });
    const source = await feedSource(d, (s) => s.lastError !== null);
    expect(source.lastError).toBe('the feed could not be fetched: it redirects to an invalid address');
    expect(logLines.join('\n')).not.toContain('TOKEN-beef');
    // Not a passing failure: the next try is a whole interval on.
    expect(Date.parse(source.nextFetchAt ?? '') - Date.now()).toBeGreaterThan(23 * 3_600_000);
  });

  it('refuses a URL with a user name and password (the robot never sends them), naming the field', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    const url = feedUrl.replace('http://', 'http://dealer:secret@');
    const res = await d
      .send('put', '/api/inventory/imports/feed-source')
      .send({ url, intervalHours: 24, enabled: false });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'body.url', reason: 'must not carry a user name or password' }),
    ]);
  });

  it('tries a feed that failed for a passing reason again within minutes, not a whole interval later', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    await d.importFile(csvOf([feedCar()]));
    const url = feedUrl.replace('/exports/', '/busy/');
    await d.send('put', '/api/inventory/imports/feed-source').send({ url, intervalHours: 24, enabled: true });
    const source = await feedSource(d, (s) => s.lastError !== null);
    expect(source.lastError).toMatch(/503/);
    const wait = Date.parse(source.nextFetchAt ?? '') - Date.now();
    expect(wait).toBeGreaterThan(30_000);
    expect(wait).toBeLessThan(61_000);
  });
});
