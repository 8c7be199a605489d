import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { READ_INVENTORY_SCOPE } from '@showroom/contracts';
import {
  delayReplica,
  replicaHolds,
  startBehindReplicaProxy,
  waitUntil,
  type ReplicaHarness,
} from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import { startInventoryTestApp, type InventoryTestContext } from './test/inventory-test-app';
import { vehicleInput } from './test/vehicle-fixtures';

// The inventory service on a real MariaDB primary and replica (tools/dev/src/replica-pair.ts),
// the replica reached through a proxy the tests cut. The replica applies each change a second late
// (MASTER_DELAY) and may lag 3 s before it leaves the rotation, so a read that went to it right
// after a write would miss the write every time: the read-your-writes checks fail without the
// window on the primary.

const REPLICA_DELAY_S = 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ReplicaContext extends InventoryTestContext, ReplicaHarness {
  dealershipId: string;
}

describe('reads from a replica, with read-your-writes (real MariaDB primary and replica)', () => {
  const ctx = startForTheseTests<ReplicaContext>(async () => {
    // SEARCH_ENGINE=mysql: lists and searches are SQL on the reader, nothing kept in memory between them.
    const app = await startBehindReplicaProxy((replicaHostPort) =>
      startInventoryTestApp({
        replicated: { replicaHostPort },
        env: { SEARCH_ENGINE: 'mysql', DATABASE_REPLICA_MAX_LAG_MS: String(REPLICA_DELAY_S * 3000) },
      }),
    );
    return { ...app, dealershipId: app.newDealership() };
  });
  let manager: string;
  let sales: string;
  /** Whose reads these tests watch: writes nothing here, in a dealership nobody writes to. */
  let onlooker: { token: string; dealershipId: string };
  let planted: { id: string; vin: string; trim: string };

  const list = (token: string, dealershipId: string) =>
    request(ctx.app)
      .get('/api/inventory/vehicles?pageSize=100')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId);
  const add = (token: string, dealershipId: string) =>
    request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', dealershipId)
      .send(vehicleInput());
  const trimSeenBy = async (who: { token: string; dealershipId: string }) => {
    const res = await list(who.token, who.dealershipId);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ id: string; trim: string }>).find((v) => v.id === planted.id)?.trim;
  };

  beforeAll(async () => {
    manager = await ctx.tokenFor('manager', ctx.dealershipId);
    sales = await ctx.tokenFor('sales', ctx.dealershipId);
    const otherDealership = ctx.newDealership();
    onlooker = { token: await ctx.tokenFor('sales', otherDealership), dealershipId: otherDealership };
    await waitUntil('the replica is in rotation', () => ctx.database.replicas.inRotation().length === 1);
    // A vehicle whose trim differs on the replica only: whoever sees 'Replica copy' read the replica.
    const created = await add(await ctx.tokenFor('manager', otherDealership), otherDealership);
    expect(created.status).toBe(201);
    planted = { id: created.body.id, vin: created.body.vin, trim: created.body.trim };
    await waitUntil('the replica has the vehicle', () => replicaHolds(ctx.replica, 'vehicles', planted.id));
    await ctx.replica.query("UPDATE vehicles SET trim = 'Replica copy' WHERE id = ?", [planted.id]);
    await delayReplica(ctx.replica, REPLICA_DELAY_S);
    await sleep(ctx.database.replicas.staleAfterMs + 1000);
  });

  it('sends the reads of someone who wrote nothing lately to the replica', async () => {
    expect(await trimSeenBy(onlooker)).toBe('Replica copy');
  });

  it('shows a salesperson every vehicle they just added, in the list read right after', async () => {
    for (let i = 0; i < 15; i++) {
      const created = await add(sales, ctx.dealershipId);
      expect(created.status).toBe(201);
      const seen = await list(sales, ctx.dealershipId);
      expect(seen.status).toBe(200);
      expect(seen.body.items.map((v: { id: string }) => v.id)).toContain(created.body.id);
    }
  });

  it("shows the dealership's other members a colleague's new vehicle at once, and the writer's other dealerships too", async () => {
    for (let i = 0; i < 10; i++) {
      const created = await add(sales, ctx.dealershipId);
      const seen = await list(manager, ctx.dealershipId);
      expect(seen.body.items.map((v: { id: string }) => v.id)).toContain(created.body.id);
    }
    // The onlooker's dealership: a write there by its own member moves its reads to the primary.
    const wrote = await add(onlooker.token, onlooker.dealershipId);
    expect(wrote.status).toBe(201);
    expect(await trimSeenBy(onlooker)).toBe(planted.trim);
    await sleep(ctx.database.replicas.staleAfterMs + 1000);
    expect(await trimSeenBy(onlooker)).toBe('Replica copy');
  });

  it('takes a replica that stops applying changes out of rotation, and reads go to the primary', async () => {
    await ctx.replica.query('STOP SLAVE SQL_THREAD');
    try {
      // A replica that applies nothing is behind only once the primary has something new.
      const elsewhere = ctx.newDealership();
      expect((await add(await ctx.tokenFor('manager', elsewhere), elsewhere)).status).toBe(201);
      await waitUntil('the lagging replica is out', () => ctx.database.replicas.inRotation().length === 0);
      const ready = await request(ctx.app).get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.checks['mysql-replicas']).toEqual({ status: 'down', critical: false });
      expect(await trimSeenBy(onlooker)).toBe(planted.trim);
    } finally {
      await ctx.replica.query('START SLAVE SQL_THREAD');
    }
    await waitUntil('the replica is back', () => ctx.database.replicas.inRotation().length === 1);
    expect(await trimSeenBy(onlooker)).toBe('Replica copy');
  });

  /** Another service looking the car up: a plain read on the reader, no search fallback behind it. */
  const lookedUpTrim = async () => {
    const serviceToken = await ctx.issuer.machineToken('showroom-services', [READ_INVENTORY_SCOPE]);
    const res = await request(ctx.app)
      .get(`/api/inventory/internal/dealerships/${onlooker.dealershipId}/vehicles/lookup`)
      .query({ vin: planted.vin })
      .auth(serviceToken, { type: 'bearer' });
    expect(res.status).toBe(200);
    return res.body.vehicle.trim as string;
  };

  it('answers every read while the replica goes away, and takes it back when it returns', async () => {
    expect(await lookedUpTrim()).toBe('Replica copy');
    await ctx.proxy.cut();
    try {
      expect(await lookedUpTrim()).toBe(planted.trim);
      for (let i = 0; i < 10; i++) expect(await trimSeenBy(onlooker)).toBe(planted.trim);
      expect(ctx.database.replicas.inRotation()).toHaveLength(0);
    } finally {
      await ctx.proxy.restore();
    }
    await waitUntil('the replica is back', () => ctx.database.replicas.inRotation().length === 1);
    expect(await trimSeenBy(onlooker)).toBe('Replica copy');
  });

  it('runs a read again on the primary when the replica drops its connection in the middle of it', async () => {
    expect(await lookedUpTrim()).toBe('Replica copy');
    ctx.proxy.freeze();
    const answer = lookedUpTrim();
    await sleep(200);
    await ctx.proxy.cut();
    try {
      expect(await answer).toBe(planted.trim);
    } finally {
      ctx.proxy.thaw();
      await ctx.proxy.restore();
    }
    await waitUntil('the replica is back', () => ctx.database.replicas.inRotation().length === 1);
  });
});
