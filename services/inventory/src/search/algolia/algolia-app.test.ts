import { createHmac } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInventoryTestApp, type InventoryTestContext } from '../../test/inventory-test-app';
import { vehicleInput } from '../../test/vehicle-fixtures';
import { EmbeddedSearchEngine } from '../embedded/embedded-engine';
import { loadSynonyms } from '../synonyms';
import { MysqlIndexCursorStore } from './mysql-cursor-store';
import { AlgoliaEmulator } from './testing/algolia-emulator';
import { RecordingRequester } from './testing/recording-requester';

const INDEX = 'showroom_apptest_vehicles';
const ADMIN_KEY = 'admin-key-for-the-indexer';
const SEARCH_KEY = 'search-only-parent-key';
const synonyms = loadSynonyms(new URL('../../../search/synonyms.json', import.meta.url).pathname);

// The inventory service as main.ts composes it with SEARCH_ENGINE=algolia, its Algolia client's
// transport answered by the Algolia-protocol emulator: the service's own wiring of the adapter,
// the indexer and the secured keys, end to end through HTTP.
describe('inventory with SEARCH_ENGINE=algolia', () => {
  let ctx: InventoryTestContext;
  let dealershipId: string;
  let token: string;
  let algoliaDown = false;
  const reports: unknown[] = [];
  const embedded = new EmbeddedSearchEngine({ synonyms });
  embedded.markReady();
  const emulator = new AlgoliaEmulator(INDEX, embedded);
  const requester = new RecordingRequester((sent) =>
    algoliaDown ? { status: 503, body: { message: 'unavailable' } } : emulator.respond(sent),
  );

  beforeAll(async () => {
    ctx = await startInventoryTestApp({
      env: {
        SEARCH_ENGINE: 'algolia',
        ALGOLIA_APP_ID: 'TESTAPP',
        ALGOLIA_ADMIN_API_KEY: ADMIN_KEY,
        ALGOLIA_SEARCH_API_KEY: SEARCH_KEY,
        ALGOLIA_INDEX_NAME: INDEX,
      },
      algoliaClientOptions: { requester: { send: requester.send } },
      reporter: { notify: (error) => reports.push(error) },
    });
    dealershipId = ctx.newDealership();
    token = await ctx.tokenFor('manager', dealershipId);
  });
  afterAll(() => ctx?.close());

  const add = (overrides: Parameters<typeof vehicleInput>[0]) =>
    request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput(overrides));
  const search = (q: string) =>
    request(ctx.app)
      .get('/api/inventory/vehicles')
      .query({ q })
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId);
  const idsOf = (res: request.Response) => (res.body.items as { id: string }[]).map((item) => item.id);

  async function eventually(check: () => Promise<boolean>, ms = 3_000): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return false;
  }

  it('when a car is added, then the indexer sends it with the admin key and a search finds it on Algolia with the search key', async () => {
    const added = await add({ make: 'Mazda', model: 'CX-5', bodyStyle: 'suv', costCents: 1_500_000 });
    expect(added.status).toBe(201);

    expect(await eventually(async () => idsOf(await search('mazda cx')).includes(added.body.id))).toBe(true);
    const res = await search('mazda cx');
    expect(res.headers['search-fallback']).toBeUndefined();

    const writes = requester.requests.filter((sent) => sent.path === `/1/indexes/${INDEX}/batch`);
    const reads = requester.requests.filter((sent) => sent.path.endsWith('/query'));
    expect(writes.length).toBeGreaterThan(0);
    expect(reads.length).toBeGreaterThan(0);
    for (const write of writes) expect(write.headers['x-algolia-api-key']).toBe(ADMIN_KEY);
    for (const read of reads) expect(read.headers['x-algolia-api-key']).toBe(SEARCH_KEY);
    // The emulator refuses any attribute beyond the search document: no cost reached Algolia.
    expect(JSON.stringify(writes.map((write) => write.body))).not.toContain('1500000');
  });

  it('when a website asks for search access, then it gets a secured key for this dealership’s public cars', async () => {
    const res = await request(ctx.app).get(`/api/inventory/public/dealerships/${dealershipId}/search-access`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ engine: 'algolia', appId: 'TESTAPP', indexName: INDEX });
    const decoded = Buffer.from(res.body.apiKey as string, 'base64').toString('utf8');
    const restrictions = new URLSearchParams(decoded.slice(64));
    expect(createHmac('sha256', SEARCH_KEY).update(decoded.slice(64)).digest('hex')).toBe(
      decoded.slice(0, 64),
    );
    expect(restrictions.get('filters')).toBe(
      `dealershipId:"${dealershipId}" AND status:available AND published:true`,
    );
    expect(restrictions.get('restrictIndices')?.split(',')).toContain(`${INDEX}_price_asc`);
    expect(new Date(res.body.validUntil).getTime()).toBe(Number(restrictions.get('validUntil')) * 1000);
    expect(JSON.stringify(res.body)).not.toContain(ADMIN_KEY);
  });

  it('when Algolia is down, then searches answer from MySQL and say so, and a car added meanwhile reaches Algolia once it is back', async () => {
    const cursors = new MysqlIndexCursorStore(ctx.database.writer);
    const before = await cursors.load(`algolia:${INDEX}`);
    algoliaDown = true;
    try {
      const added = await add({ make: 'Subaru', model: 'Outback', bodyStyle: 'wagon', drivetrain: 'awd' });
      expect(added.status).toBe(201);
      const res = await search('subaru outback');
      expect(res.status).toBe(200);
      expect(res.headers['search-fallback']).toMatch(/^mysql; reason="algolia search unavailable/);
      expect(idsOf(res)).toEqual([added.body.id]);
      expect(reports.length).toBeGreaterThan(0);
      expect(await cursors.load(`algolia:${INDEX}`)).toBe(before);

      algoliaDown = false;
      expect(
        await eventually(async () => {
          const back = await search('subaru outback');
          return back.headers['search-fallback'] === undefined && idsOf(back).includes(added.body.id);
        }, 5_000),
      ).toBe(true);
      expect(await cursors.load(`algolia:${INDEX}`)).toBeGreaterThan(before ?? 0);
    } finally {
      algoliaDown = false;
    }
  });
});
