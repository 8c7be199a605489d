import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';
import { asManager, csvOf, feedCar } from './import-test-support';

const MAPPING = {
  vin: 'VIN',
  year: 'Year',
  make: 'Make',
  model: 'Model',
  mileage: 'Mileage',
  description: 'Description',
};
const FULL = { mode: 'full', missing: 'mark_sold' } as const;
const row = (car: Record<string, string>, description: string) =>
  `${car.VIN},2022,Honda,Accord,"24,500",${description}`;
const file = (lines: string[]) =>
  Buffer.from(`VIN,Year,Make,Model,Mileage,Description\r\n${lines.join('\r\n')}\r\n`);

describe('a full feed never removes cars it could not read, nor a large share of the lot unasked', () => {
  let ctx: InventoryTestContext;
  beforeAll(async () => {
    ctx = await startInventoryTestApp({
      env: { FEED_IMPORT_POLL_INTERVAL_MS: '20', FEED_IMPORT_BATCH_ROWS: '2' },
    });
  });
  afterAll(() => ctx.close());

  async function lotOf(count: number) {
    const d = await asManager(ctx, ctx.newDealership());
    const cars = Array.from({ length: count }, () => feedCar());
    await d.importFile(csvOf(cars));
    return { d, cars };
  }

  it('a stray quote that closes rows later (rows read into one field) leaves the lot alone, saying why', async () => {
    const { d, cars } = await lotOf(4);
    const [a, b, c, e] = cars;
    const text = file([row(a, 'fine'), row(b, '"18 wheels'), row(c, 'fine'), row(e, '"Clean, one owner"')]);
    const job = await d.importFile(text, FULL, MAPPING);
    expect(job.status).toBe('succeeded');
    expect(job.counts.missing).toBe(0);
    const lot = await d.vehicles();
    for (const car of cars) expect(lot.get(car.VIN)?.status).toBe('available');
    const reasons = (await d.report(job.id)).items.map((item) => item.reason);
    expect(reasons.some((r) => r.includes('later rows may have been read into it'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('no vehicle on the lot was treated as missing'))).toBe(true);
  });

  it('a quote never closed (the rest of the file unread) leaves the lot alone', async () => {
    const { d, cars } = await lotOf(4);
    const [a, b, c, e] = cars;
    const job = await d.importFile(
      file([row(a, 'fine'), row(b, '"18 wheels'), row(c, 'fine'), row(e, 'fine')]),
      FULL,
      MAPPING,
    );
    expect(job.counts.missing).toBe(0);
    for (const car of cars) expect((await d.vehicles()).get(car.VIN)?.status).toBe('available');
  });

  it('a multi-line description that is only text does not stop the missing step', async () => {
    const { d, cars } = await lotOf(3);
    const [a, b] = cars;
    const job = await d.importFile(
      file([row(a, '"One owner.\r\nNew tires, brakes."'), row(b, 'fine')]),
      FULL,
      MAPPING,
    );
    expect(job.counts.missing).toBe(1);
    expect((await d.vehicles()).get(cars[2].VIN)?.status).toBe('sold');
  });

  it('removing more than 30% of the lot needs the dealer’s confirmation, which is not saved for the next import', async () => {
    const { d, cars } = await lotOf(10);
    const kept = cars.slice(0, 3);
    const first = await d.importFile(csvOf(kept), FULL);
    expect(first.counts.missing).toBe(0);
    expect([...(await d.vehicles()).values()].filter((v) => v.status === 'available')).toHaveLength(10);
    expect((await d.report(first.id)).items.map((item) => item.reason)).toContainEqual(
      expect.stringContaining('leaves out 7 of the 10 vehicles'),
    );

    const confirmed = await d.importFile(csvOf(kept), { ...FULL, allowLargeRemoval: true });
    expect(confirmed.counts.missing).toBe(7);
    expect([...(await d.vehicles()).values()].filter((v) => v.status === 'sold')).toHaveLength(7);
    const saved = (await d.send('get', '/api/inventory/imports/settings')).body;
    expect(saved.rules.allowLargeRemoval).toBeUndefined();
  });
});
