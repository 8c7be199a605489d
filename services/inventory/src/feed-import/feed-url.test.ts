import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedSource, ImportJob } from '@showroom/contracts';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { asManager, csvOf, feedCar } from './import-test-support';

describe('a feed URL fetched on a schedule', () => {
  let ctx: InventoryTestContext;
  let server: Server;
  let feedUrl: string;
  let served = csvOf([feedCar(), feedCar()]);

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/csv' }).end(served));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    feedUrl = `http://127.0.0.1:${port}/exports/stock.csv`;
    ctx = await startInventoryTestApp({
      env: { FEED_IMPORT_POLL_INTERVAL_MS: '20', PHOTO_ROBOT_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port}` },
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
      fileName: 'stock.csv',
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
});
