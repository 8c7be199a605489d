import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acrossDealerships, createDatabase, migrateToLatest, type Database } from '@showroom/server-mysql';
import { createTestSchema, type TestSchema } from '@showroom/server-testing';
import type { InventoryDatabase } from '../database';
import { inventoryMigrations } from '../migrations';
import { MysqlVehicleChanges } from './changes';

describe('the vehicle change feed: a follower never skips a change that commits late', () => {
  let schema: TestSchema;
  let database: Database<InventoryDatabase>;
  const dealershipId = randomUUID();

  beforeAll(async () => {
    schema = await createTestSchema('inventory_changes');
    database = createDatabase<InventoryDatabase>({
      writerUrl: schema.url,
      readerUrls: [],
      connectionLimit: 4,
    });
    await migrateToLatest(database.writer, inventoryMigrations);
  });
  afterAll(async () => {
    await database.close();
    await schema.drop();
  });

  const record = (vehicleId: string) =>
    acrossDealerships(database.writer)
      .insertInto('vehicle_changes')
      .values({ dealership_id: dealershipId, vehicle_id: vehicleId })
      .execute();

  /** A transaction that has written its change and waits, open, until `finish` says commit or roll back. */
  function openTransaction(vehicleId: string) {
    let finish: (outcome: 'commit' | 'rollback') => void = () => undefined;
    const decided = new Promise<'commit' | 'rollback'>((resolve) => (finish = resolve));
    let written: () => void = () => undefined;
    const hasWritten = new Promise<void>((resolve) => (written = resolve));
    const done = database.writer
      .transaction()
      .execute(async (trx) => {
        await acrossDealerships(trx)
          .insertInto('vehicle_changes')
          .values({ dealership_id: dealershipId, vehicle_id: vehicleId })
          .execute();
        written();
        if ((await decided) === 'rollback') throw new Error('rolled back on purpose');
      })
      .catch(() => undefined);
    return { hasWritten, finish, done };
  }

  it('when an earlier change is still uncommitted, then the cursor waits before it and the later change is applied meanwhile', async () => {
    const changes = new MysqlVehicleChanges(database.writer, { gapWaitMs: 60_000 });
    const start = await changes.latest();
    const slow = openTransaction('slow-vehicle');
    await slow.hasWritten;
    await record('quick-vehicle');

    const meanwhile = await changes.after(start, 100);
    expect(meanwhile.refs.map((ref) => ref.id)).toEqual(['quick-vehicle']);
    expect(meanwhile.next).toBe(start);

    slow.finish('commit');
    await slow.done;
    const after = await changes.after(meanwhile.next, 100);
    expect(after.refs.map((ref) => ref.id).sort()).toEqual(['quick-vehicle', 'slow-vehicle']);
    expect(after.next).toBeGreaterThan(start + 1);
  });

  it('when a transaction rolled back long enough ago, then its hole is passed over', async () => {
    const changes = new MysqlVehicleChanges(database.writer, { gapWaitMs: 200 });
    const start = (await changes.after(0, 10_000)).next;
    const abandoned = openTransaction('abandoned-vehicle');
    await abandoned.hasWritten;
    abandoned.finish('rollback');
    await abandoned.done;
    await record('after-rollback');

    expect((await changes.after(start, 100)).next).toBe(start);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = await changes.after(start, 100);
    expect(later.refs.map((ref) => ref.id)).toEqual(['after-rollback']);
    expect(later.next).toBeGreaterThan(start);
  });

  it('when a build starts, then its starting point stays behind changes too young to be settled', async () => {
    const changes = new MysqlVehicleChanges(database.writer, { gapWaitMs: 60_000 });
    const settledBefore = await changes.latest();
    await record('brand-new');
    expect(await changes.latest()).toBe(settledBefore);
  });

  it('when the same vehicle changed several times, then it is named once', async () => {
    const changes = new MysqlVehicleChanges(database.writer, { gapWaitMs: 0 });
    const start = (await changes.after(0, 10_000)).next;
    await record('busy-vehicle');
    await record('busy-vehicle');
    const read = await changes.after(start, 100);
    expect(read.refs).toEqual([{ dealershipId, id: 'busy-vehicle' }]);
  });

  it('when old changes are pruned, then those a durable index has not read yet are kept', async () => {
    const changes = new MysqlVehicleChanges(database.writer, { gapWaitMs: 0 });
    const old = new Date(Date.now() - 30 * 86_400_000);
    const insertOld = async (vehicleId: string) => {
      await acrossDealerships(database.writer)
        .insertInto('vehicle_changes')
        .values({ dealership_id: dealershipId, vehicle_id: vehicleId, changed_at: old })
        .execute();
    };
    await insertOld('old-read');
    const readUpTo = (await changes.after(0, 100_000)).next;
    await insertOld('old-unread');

    await changes.prune(7, readUpTo);
    const left = (await changes.after(0, 100_000)).refs.map((ref) => ref.id);
    expect(left).toContain('old-unread');
    expect(left).not.toContain('old-read');

    await changes.prune(7);
    expect((await changes.after(0, 100_000)).refs.map((ref) => ref.id)).not.toContain('old-unread');
  });
});
