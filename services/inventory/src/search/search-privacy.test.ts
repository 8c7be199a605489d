import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventoryTestApp, type InventoryTestContext } from '../test/inventory-test-app';

/** What a shopper might type into a website's search box by mistake. */
const TYPED = 'jane.doe@example.com 555-0142';

describe('what shoppers type into search stays out of the logs', () => {
  let ctx: InventoryTestContext;
  const lines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    ctx = await startInventoryTestApp({ logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => ctx.close());

  it('when a shopper and a dealer search with an e-mail and a phone number, then the request lines name the search but not the words', async () => {
    const dealershipId = ctx.newDealership();
    const shopper = await request(ctx.app)
      .get(`/api/inventory/public/dealerships/${dealershipId}/vehicles`)
      .query({ q: TYPED, sort: 'price' });
    const dealer = await request(ctx.app)
      .get('/api/inventory/vehicles')
      .query({ q: TYPED })
      .auth(await ctx.tokenFor('sales', dealershipId), { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId);
    expect(shopper.status).toBe(200);
    expect(dealer.status).toBe(200);

    const logged = lines.join('');
    expect(logged).toContain(
      `/api/inventory/public/dealerships/${dealershipId}/vehicles?q=[redacted]&sort=price`,
    );
    expect(logged).toContain('/api/inventory/vehicles?q=[redacted]');
    for (const secret of ['jane.doe', 'example.com', '555-0142', encodeURIComponent(TYPED)]) {
      expect(logged).not.toContain(secret);
    }
  });
});
