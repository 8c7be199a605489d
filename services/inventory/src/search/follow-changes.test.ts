import { describe, expect, it, vi } from 'vitest';
import type { VehicleChanges } from './changes';
import type { SearchDocumentSource } from './documents';
import { contractVehicles as cars } from './engine-contract-vehicles';
import { IndexFollower, type FollowCursor, type FollowerLog } from './follow-changes';
import type { SearchDocument, VehicleRef, VehicleSearchIndex } from './port';

/** MySQL as the follower sees it: vehicles as they are now, and a feed of which ones changed. */
class FakeInventory implements VehicleChanges, SearchDocumentSource {
  readonly vehicles = new Map<string, SearchDocument>();
  readonly feed: VehicleRef[] = [];
  failures = { after: 0, all: 0 };
  readsNow = 0;
  mostReadsAtOnce = 0;
  /** Runs after the first page of a full build is handed out: a write that races the build. */
  duringBuild: (() => void) | null = null;

  save(...documents: SearchDocument[]): void {
    for (const document of documents) {
      this.vehicles.set(document.id, document);
      this.feed.push(refOf(document));
    }
  }

  delete(document: SearchDocument): void {
    this.vehicles.delete(document.id);
    this.feed.push(refOf(document));
  }

  async latest(): Promise<number> {
    return this.feed.length;
  }

  async after(cursor: number, limit: number): Promise<{ refs: VehicleRef[]; next: number }> {
    this.readsNow++;
    this.mostReadsAtOnce = Math.max(this.mostReadsAtOnce, this.readsNow);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (this.failures.after > 0) {
        this.failures.after--;
        throw new Error('connect ECONNREFUSED 127.0.0.1:3306');
      }
      const refs = this.feed.slice(cursor, cursor + limit);
      return { refs, next: cursor + refs.length };
    } finally {
      this.readsNow--;
    }
  }

  async load(refs: readonly VehicleRef[]): Promise<{ documents: SearchDocument[]; gone: VehicleRef[] }> {
    const documents = refs.flatMap((ref) => this.vehicles.get(ref.id) ?? []);
    return { documents, gone: refs.filter((ref) => !this.vehicles.has(ref.id)) };
  }

  async *all(pageSize: number): AsyncIterable<SearchDocument[]> {
    if (this.failures.all > 0) {
      this.failures.all--;
      throw new Error('connect ECONNREFUSED 127.0.0.1:3306');
    }
    const everything = [...this.vehicles.values()];
    for (let start = 0; start < everything.length; start += pageSize) {
      yield everything.slice(start, start + pageSize);
      if (start === 0) this.duringBuild?.();
    }
  }
}

class MapIndex implements VehicleSearchIndex {
  readonly documents = new Map<string, SearchDocument>();

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    for (const document of documents) this.documents.set(document.id, document);
  }

  async remove(refs: readonly VehicleRef[]): Promise<void> {
    for (const ref of refs) this.documents.delete(ref.id);
  }
}

function refOf(document: SearchDocument): VehicleRef {
  return { dealershipId: document.dealershipId, id: document.id };
}

function quietLog(): FollowerLog & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => undefined, error: (_details, message) => errors.push(message) };
}

function following(
  inventory: FakeInventory,
  options: { intervalMs?: number; cursor?: FollowCursor; mayFollow?: () => Promise<boolean> } = {},
) {
  const index = new MapIndex();
  const log = quietLog();
  const follower = new IndexFollower({
    index,
    changes: inventory,
    documents: inventory,
    log,
    intervalMs: options.intervalMs ?? 60_000,
    cursor: options.cursor,
    mayFollow: options.mayFollow,
    buildPageSize: 2,
    buildRetryMs: 5,
  });
  return { index, log, follower };
}

describe('following vehicle changes into a search index', () => {
  it('when started, then every vehicle is built into the index before it is ready', async () => {
    const inventory = new FakeInventory();
    inventory.save(cars.northCamryXle, cars.northTacoma, cars.southTahoe);
    const { index, follower } = following(inventory);
    expect(follower.isReady()).toBe(false);
    await follower.start();
    expect(follower.isReady()).toBe(true);
    expect([...index.documents.keys()].sort()).toEqual(
      [cars.northCamryXle.id, cars.northTacoma.id, cars.southTahoe.id].sort(),
    );
    await follower.stop();
  });

  it('when a car is repainted while the index is being built, then the next read of the feed applies it', async () => {
    const inventory = new FakeInventory();
    inventory.save(cars.northCamryXle, cars.northTacoma, cars.southTahoe);
    inventory.duringBuild = () => inventory.save({ ...cars.northCamryXle, exteriorColor: 'Radiant Red' });
    const { index, follower } = following(inventory);
    await follower.start();
    await follower.catchUp();
    expect(index.documents.get(cars.northCamryXle.id)?.exteriorColor).toBe('Radiant Red');
    await follower.stop();
  });

  it('when a salesperson saves and deletes cars, then catchUp has applied both when it resolves', async () => {
    const inventory = new FakeInventory();
    inventory.save(cars.northCamryXle, cars.northTacoma);
    const { index, follower } = following(inventory);
    await follower.start();
    inventory.save({ ...cars.northTacoma, priceCents: 3_700_000 }, cars.eastCivic);
    inventory.delete(cars.northCamryXle);
    await follower.catchUp();
    expect(index.documents.get(cars.northTacoma.id)?.priceCents).toBe(3_700_000);
    expect(index.documents.has(cars.eastCivic.id)).toBe(true);
    expect(index.documents.has(cars.northCamryXle.id)).toBe(false);
    await follower.stop();
  });

  it('when more changes wait than one read takes, then one catchUp applies them all', async () => {
    const inventory = new FakeInventory();
    const { index, follower } = following(inventory);
    await follower.start();
    for (let i = 0; i < 1_200; i++) {
      inventory.save({
        ...cars.northTacoma,
        id: `7e000000-0000-4000-8000-${String(10_000 + i).padStart(12, '0')}`,
      });
    }
    await follower.catchUp();
    expect(index.documents.size).toBe(1_200);
    await follower.stop();
  });

  it('when many requests catch up at once, then the feed is never read twice at the same time and all see their writes', async () => {
    const inventory = new FakeInventory();
    const { index, follower } = following(inventory);
    await follower.start();
    const writes = Object.values(cars).map(async (car) => {
      inventory.save(car);
      await follower.catchUp();
      return index.documents.has(car.id);
    });
    expect(await Promise.all(writes)).toEqual(Object.values(cars).map(() => true));
    expect(inventory.mostReadsAtOnce).toBe(1);
    await follower.stop();
  });

  it('when the database is down for a read, then the error is logged and the next tick applies the change', async () => {
    const inventory = new FakeInventory();
    const { index, log, follower } = following(inventory, { intervalMs: 5 });
    await follower.start();
    inventory.failures.after = 1;
    inventory.save(cars.eastRam);
    await follower.catchUp();
    expect(log.errors).toEqual(['search index could not follow vehicle changes; trying again']);
    await vi.waitFor(() => expect(index.documents.has(cars.eastRam.id)).toBe(true), { timeout: 10_000 });
    await follower.stop();
  });

  it('when the database is down at start, then the build is retried until the index is ready', async () => {
    const inventory = new FakeInventory();
    inventory.save(cars.otherMustang);
    inventory.failures.all = 1;
    const { index, log, follower } = following(inventory, { intervalMs: 5 });
    await follower.start();
    expect(log.errors).toEqual(['search index could not be built; trying again']);
    expect(follower.isReady()).toBe(true);
    expect(index.documents.has(cars.otherMustang.id)).toBe(true);
    await follower.stop();
  });

  it('when a durable cursor says where the index stopped, then following resumes there without a full build', async () => {
    const inventory = new FakeInventory();
    inventory.save(cars.northCamryXle, cars.northTacoma);
    const cursor: FollowCursor = { read: async () => 1, write: vi.fn(async () => undefined) };
    const { index, follower } = following(inventory, { cursor });
    await follower.start();
    await follower.catchUp();
    expect([...index.documents.keys()]).toEqual([cars.northTacoma.id]);
    expect(cursor.write).toHaveBeenLastCalledWith(2);
    await follower.stop();
  });

  it('when stopped, then no more changes are applied', async () => {
    const inventory = new FakeInventory();
    const { index, follower } = following(inventory, { intervalMs: 5 });
    await follower.start();
    await follower.stop();
    inventory.save(cars.eastCivic);
    await follower.catchUp();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(index.documents.size).toBe(0);
  });

  describe('a shared index (Algolia) that one instance at a time follows', () => {
    /** The cursor in MySQL that every instance shares. */
    const sharedCursor = () => {
      let stored: number | null = null;
      return { read: async () => stored, write: async (seq: number) => void (stored = seq) };
    };

    it('when an instance may not follow at start, then it does not build the index and still stands ready', async () => {
      const inventory = new FakeInventory();
      inventory.save(cars.northCamryXle);
      const { index, follower } = following(inventory, {
        cursor: sharedCursor(),
        mayFollow: async () => false,
      });
      await follower.start();
      expect(follower.isReady()).toBe(true);
      expect(index.documents.size).toBe(0);
      await follower.stop();
    });

    it('when a standby takes over, then it resumes from where the leader left the shared cursor', async () => {
      const inventory = new FakeInventory();
      inventory.save(cars.northCamryXle, cars.northTacoma);
      const cursor = sharedCursor();
      const leader = following(inventory, { cursor, mayFollow: async () => true });
      await leader.follower.start();
      let allowed = false;
      const standby = following(inventory, { cursor, mayFollow: async () => allowed });
      await standby.follower.start();

      // The leader goes on while the other stands by, then stops (its lock is released).
      inventory.save(cars.southTahoe);
      await leader.follower.catchUp();
      await leader.follower.stop();
      inventory.save(cars.eastCivic);
      allowed = true;
      await standby.follower.catchUp();
      // Only what came after the leader's last read: no rebuild, no replay from the start.
      expect([...standby.index.documents.keys()]).toEqual([cars.eastCivic.id]);
      expect(await cursor.read()).toBe(4);
      await standby.follower.stop();
    });
  });
});
