import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import { createTestSchema, type TestSchema } from '@showroom/server-testing';
import { searchIndexCursors } from '../../migrations/0003_search_index_cursors';
import type { VehicleChanges } from '../changes';
import type { SearchDocumentSource } from '../documents';
import type { SearchDocument, VehicleRef } from '../port';
import { AlgoliaVehicleIndex } from './algolia-engine';
import { createAlgoliaIndexer, indexerConsumer } from './algolia-indexer';
import { MysqlIndexCursorStore } from './mysql-cursor-store';
import { MysqlLeaderLease, usableLockName } from './mysql-leader-lease';
import { acknowledgeEverything, recordedClient, RecordingRequester } from './testing/recording-requester';

const INDEX = 'showroom_test_vehicles';
const CONSUMER = indexerConsumer(INDEX);
const ROOFTOP = '7d000000-0000-4000-8000-000000000001';

let schema: TestSchema;
let database: Database<unknown>;
let cursors: MysqlIndexCursorStore;

beforeAll(async () => {
  schema = await createTestSchema('algolia_indexer');
  database = createDatabase<unknown>({ writerUrl: schema.url, readerUrls: [], connectionLimit: 4 });
  await migrateToLatest(database.writer, { '0003_search_index_cursors': searchIndexCursors });
  cursors = new MysqlIndexCursorStore(database.writer);
});

afterAll(async () => {
  await database?.close();
  await schema?.drop();
});

/** The change feed and MySQL's current vehicles, in memory. */
class FakeInventory implements VehicleChanges, SearchDocumentSource {
  readonly feed: { seq: number; ref: VehicleRef }[] = [];
  readonly vehicles = new Map<string, SearchDocument>();

  change(document: SearchDocument): void {
    this.vehicles.set(document.id, document);
    this.feed.push({
      seq: this.feed.length + 1,
      ref: { dealershipId: document.dealershipId, id: document.id },
    });
  }

  delete(ref: VehicleRef): void {
    this.vehicles.delete(ref.id);
    this.feed.push({ seq: this.feed.length + 1, ref });
  }

  async latest(): Promise<number> {
    return this.feed.length;
  }

  async after(cursor: number, limit: number): Promise<{ refs: VehicleRef[]; next: number }> {
    const rows = this.feed.filter((row) => row.seq > cursor).slice(0, limit);
    // Like the real feed: each vehicle once, however often it changed.
    const refs = new Map(rows.map((row) => [row.ref.id, row.ref]));
    return { refs: [...refs.values()], next: rows.at(-1)?.seq ?? cursor };
  }

  async load(refs: readonly VehicleRef[]) {
    return {
      documents: refs.flatMap((ref) => this.vehicles.get(ref.id) ?? []),
      gone: refs.filter((ref) => !this.vehicles.has(ref.id)),
    };
  }

  async *all(): AsyncIterable<SearchDocument[]> {
    yield [...this.vehicles.values()];
  }
}

function car(id: string, make = 'Toyota'): SearchDocument {
  return {
    id,
    dealershipId: ROOFTOP,
    groupId: null,
    vin: '4T1G11AK0RU100101',
    stockNumber: `N${id.slice(-4)}`,
    condition: 'new',
    status: 'available',
    published: true,
    year: 2024,
    make,
    model: 'Camry',
    trim: null,
    bodyStyle: 'sedan',
    drivetrain: 'fwd',
    fuelType: 'hybrid',
    exteriorColor: null,
    mileage: 12,
    priceCents: 3_250_000,
    listedAt: 1_764_000_000_000,
  };
}

function silentLog() {
  const lines: string[] = [];
  const write = (_details: object, message: string) => void lines.push(message);
  return { lines, info: write, warn: write, error: write };
}

describe('MysqlIndexCursorStore', () => {
  it('knows no cursor for a consumer that never ran, only moves forward on advance and back on rewind', async () => {
    const consumer = 'algolia:cursor_semantics';
    expect(await cursors.load(consumer)).toBeUndefined();
    await cursors.advance(consumer, 10);
    await cursors.advance(consumer, 7);
    expect(await cursors.load(consumer)).toBe(10);
    await cursors.rewind(consumer, 12);
    expect(await cursors.load(consumer)).toBe(10);
    await cursors.rewind(consumer, 4);
    expect(await cursors.load(consumer)).toBe(4);
  });

  it('names the lowest cursor of all consumers, which bounds what the change feed may forget', async () => {
    await database.writer.deleteFrom('search_index_cursors' as never).execute();
    expect(await cursors.lowest()).toBeUndefined();
    await cursors.advance('algolia:a', 30);
    await cursors.advance('algolia:b', 12);
    expect(await cursors.lowest()).toBe(12);
  });
});

describe('MysqlLeaderLease', () => {
  it('lets one instance lead at a time and hands over when the leader lets go or its connection dies', async () => {
    const first = new MysqlLeaderLease(schema.url, 'search-indexer:lease-test');
    const second = new MysqlLeaderLease(schema.url, 'search-indexer:lease-test');
    try {
      expect(await first.acquire()).toBe(true);
      expect(await first.acquire()).toBe(true);
      expect(await second.acquire()).toBe(false);
      await first.release();
      expect(await second.acquire()).toBe(true);
      expect(await first.acquire()).toBe(false);
      // A leader whose process dies: MySQL drops its connection and with it the lock.
      await (second as unknown as { connection: { destroy(): void } }).connection.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await first.acquire()).toBe(true);
    } finally {
      await first.release();
      await second.release();
    }
  });

  it('takes a lock named after a long index too (MySQL allows 64 characters)', async () => {
    const long = `search-indexer:algolia:${'showroom_'.repeat(11)}vehicles`;
    expect(usableLockName(long)).toHaveLength(45);
    expect(usableLockName('search-indexer:algolia:showroom_prod_vehicles')).toBe(
      'search-indexer:algolia:showroom_prod_vehicles',
    );
    const lease = new MysqlLeaderLease(schema.url, long);
    try {
      expect(await lease.acquire()).toBe(true);
    } finally {
      await lease.release();
    }
  });
});

describe('the Algolia indexer', () => {
  let inventory: FakeInventory;
  let now: number;
  let algoliaUp: boolean;
  let requester: RecordingRequester;

  beforeEach(async () => {
    inventory = new FakeInventory();
    now = 1_000_000;
    algoliaUp = true;
    requester = new RecordingRequester((request) =>
      algoliaUp ? acknowledgeEverything(request) : { status: 503, body: { message: 'down' } },
    );
    await database.writer.deleteFrom('search_index_cursors' as never).execute();
  });

  function indexer(reportError: (error: unknown) => void, log = silentLog()) {
    return createAlgoliaIndexer({
      indexName: INDEX,
      writer: database.writer,
      writerUrl: schema.url,
      changes: inventory,
      documents: inventory,
      index: new AlgoliaVehicleIndex(recordedClient(requester), INDEX),
      log,
      reportError,
      intervalMs: 60_000,
      clock: () => now,
      minBackoffMs: 1_000,
      maxBackoffMs: 8_000,
    });
  }

  it('keeps its cursor while Algolia is down, backs off, reports once, and catches up when it is back', async () => {
    inventory.change(car('v-1'));
    await cursors.advance(CONSUMER, 1);
    const reported: unknown[] = [];
    const log = silentLog();
    const { follower, stop } = indexer((error) => reported.push(error), log);
    try {
      await follower.start();

      algoliaUp = false;
      inventory.change(car('v-2'));
      inventory.change(car('v-1', 'Lexus'));
      inventory.delete({ dealershipId: ROOFTOP, id: 'v-2' });
      await follower.catchUp();
      expect(await cursors.load(CONSUMER)).toBe(1);
      expect(reported).toHaveLength(1);
      const triedWhileDown = requester.requests.length;
      expect(triedWhileDown).toBeGreaterThan(0);

      // Within the backoff nothing is sent at all.
      now += 999;
      await follower.catchUp();
      expect(requester.requests).toHaveLength(triedWhileDown);

      now += 1;
      await follower.catchUp();
      expect(requester.requests.length).toBeGreaterThan(triedWhileDown);
      expect(await cursors.load(CONSUMER)).toBe(1);
      expect(reported).toHaveLength(1);

      algoliaUp = true;
      requester.requests.length = 0;
      now += 2_000;
      await follower.catchUp();

      expect(await cursors.load(CONSUMER)).toBe(4);
      expect(requester.calls.map((request) => request.body)).toEqual([
        {
          requests: [
            {
              action: 'partialUpdateObject',
              body: expect.objectContaining({ objectID: 'v-1', make: 'Lexus' }),
            },
          ],
        },
        { requests: [{ action: 'deleteObject', body: { objectID: 'v-2' } }] },
      ]);
      expect(log.lines).toContain('search index takes changes again');
    } finally {
      await stop();
    }
  });

  it('follows only on the instance holding the lock; the other takes over from the stored cursor', async () => {
    await cursors.advance(CONSUMER, 0);
    const leader = indexer(() => undefined);
    const standby = indexer(() => undefined);
    try {
      await leader.follower.start();
      await standby.follower.start();
      inventory.change(car('v-1'));
      await leader.follower.catchUp();
      expect(await cursors.load(CONSUMER)).toBe(1);

      inventory.change(car('v-2'));
      requester.requests.length = 0;
      await standby.follower.catchUp();
      expect(requester.requests).toEqual([]);
      expect(await cursors.load(CONSUMER)).toBe(1);

      await leader.stop();
      await standby.follower.catchUp();
      expect(await cursors.load(CONSUMER)).toBe(2);
      expect(
        requester.calls.flatMap((request) =>
          (request.body as { requests: { body: { objectID: string } }[] }).requests.map(
            (r) => r.body.objectID,
          ),
        ),
      ).toContain('v-2');
    } finally {
      await leader.stop();
      await standby.stop();
    }
  });
});
