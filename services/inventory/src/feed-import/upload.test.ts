import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { asManager, csvOf, feedCar } from './import-test-support';

describe('a CSV upload read by the shared multipart reader', () => {
  let ctx: InventoryTestContext;
  beforeAll(async () => {
    ctx = await startInventoryTestApp({ env: { FEED_IMPORT_MAX_BYTES: '65536' } });
  });
  afterAll(() => ctx.close());

  it('refuses a second file, or a file in another field, naming the part, instead of ignoring it', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    const two = await d
      .send('post', '/api/inventory/imports')
      .attach('file', csvOf([feedCar()]), 'a.csv')
      .attach('file', csvOf([feedCar()]), 'b.csv');
    expect(two.status, JSON.stringify(two.body)).toBe(400);
    expect(two.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'file', reason: expect.stringMatching(/at most 1 file per upload/) }),
    ]);
    const elsewhere = await d
      .send('post', '/api/inventory/imports')
      .attach('csv', csvOf([feedCar()]), 'a.csv');
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.invalidParams[0]).toMatchObject({ name: 'csv' });
    expect((await d.send('get', '/api/inventory/imports')).body.items).toEqual([]);
  });

  it('still takes one CSV, and refuses one too large with 413 naming it', async () => {
    const d = await asManager(ctx, ctx.newDealership());
    expect((await d.upload(csvOf([feedCar()]))).status).toBe(201);
    const huge = await d.upload(Buffer.alloc(70_000, 'a'), 'huge.csv');
    expect(huge.status).toBe(413);
    expect(huge.body.detail).toMatch(/^huge\.csv is larger than 64 KB/);
  });
});
