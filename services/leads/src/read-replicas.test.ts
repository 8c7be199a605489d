import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  delayReplica,
  replicaHolds,
  startBehindReplicaProxy,
  waitUntil,
  type ReplicaHarness,
} from '@showroom/server-testing';
import { startForTheseTests } from '@showroom/server-testing/matrix';
import {
  asMember,
  leadOfReceipt,
  postWebsiteLead,
  websiteLead,
  type MemberClient,
} from './test/lead-requests';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from './test/leads-test-app';

// The leads service on a real MariaDB primary and replica (tools/dev/src/replica-pair.ts), the
// replica reached through a proxy the tests cut. The replica applies each change a second late
// (MASTER_DELAY) and may lag 3 s before it leaves the rotation, so an inbox read that went to it
// right after a write would miss the write every time: the read-your-writes checks fail without
// the window on the primary.

const REPLICA_DELAY_S = 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ReplicaContext = LeadsTestContext & ReplicaHarness;

interface LeadItem {
  id: string;
  shopper: { firstName: string | null };
}

describe('the inbox reads a replica, with read-your-writes (real MariaDB primary and replica)', () => {
  const ctx = startForTheseTests<ReplicaContext>(() =>
    startBehindReplicaProxy((replicaHostPort) =>
      startLeadsTestApp({
        replicated: { replicaHostPort },
        env: { DATABASE_REPLICA_MAX_LAG_MS: String(REPLICA_DELAY_S * 3000) },
      }),
    ),
  );
  let dealer: TestDealership;
  let manager: MemberClient;
  /** Whose inbox these tests watch: a manager of a dealership no staff member writes to. */
  let onlooker: MemberClient;
  let quiet: TestDealership;
  /**
   * A lead of the onlooker's dealership that only the replica holds, its shopper called 'Replica'
   * (a copy of a real lead under a new id: no later change on the primary can overwrite it).
   */
  let planted: { id: string };

  const inbox = async (who: MemberClient): Promise<LeadItem[]> => {
    const res = await who.get('/api/leads/leads?pageSize=100');
    expect(res.status).toBe(200);
    return res.body.items as LeadItem[];
  };
  const plantedNameSeenBy = async (who: MemberClient) =>
    (await inbox(who)).find((lead) => lead.id === planted.id)?.shopper.firstName;
  const newWebsiteLead = async (dealership: TestDealership) =>
    leadOfReceipt(ctx, await postWebsiteLead(ctx, dealership.id, websiteLead()));

  beforeAll(async () => {
    dealer = await ctx.newDealership();
    manager = await asMember(ctx, dealer.team.manager, dealer);
    quiet = await ctx.newDealership();
    onlooker = await asMember(ctx, quiet.team.manager, quiet);
    await waitUntil('the replica is in rotation', () => ctx.database.replicas.inRotation().length === 1);

    const copied = await newWebsiteLead(quiet);
    planted = { id: randomUUID() };
    // Routing and the vehicle match change the lead too: plant only once the replica holds their work.
    await ctx.settle();
    const { version } = await ctx.database.writer
      .selectFrom('leads')
      .select('version')
      .where('id', '=', copied)
      .executeTakeFirstOrThrow();
    await waitUntil('the replica has the lead as the primary does', async () => {
      if (!(await replicaHolds(ctx.replica, 'leads', copied))) return false;
      const [rows] = (await ctx.replica.query('SELECT version FROM leads WHERE id = ?', [
        copied,
      ])) as unknown as [Array<{ version: number }>];
      return rows[0]?.version === version;
    });
    await ctx.replica.query('CREATE TEMPORARY TABLE planted SELECT * FROM leads WHERE id = ?', [copied]);
    await ctx.replica.query("UPDATE planted SET id = ?, first_name = 'Replica'", [planted.id]);
    await ctx.replica.query('INSERT INTO leads SELECT * FROM planted');
    await ctx.replica.query('DROP TEMPORARY TABLE planted');
    await delayReplica(ctx.replica, REPLICA_DELAY_S);
    // Every mark of the writes above has lapsed.
    await sleep(ctx.database.replicas.staleAfterMs + 1000);
  });

  it('sends the inbox of someone whose dealership wrote nothing lately to the replica', async () => {
    expect(await plantedNameSeenBy(onlooker)).toBe('Replica');
  });

  it('shows a manager the note and the status they just gave a lead, on the lead read right after', async () => {
    const leadId = await newWebsiteLead(dealer);
    await ctx.settle();
    for (let i = 0; i < 8; i++) {
      const added = await manager.post(`/api/leads/leads/${leadId}/notes`, { body: `call back, try ${i}` });
      expect(added.status).toBe(201);
      const lead = await manager.get(`/api/leads/leads/${leadId}`);
      expect(lead.status).toBe(200);
      expect(lead.body.notes.map((note: { body: string }) => note.body)).toContain(`call back, try ${i}`);
    }
    const moved = await manager.post(`/api/leads/leads/${leadId}/status`, { status: 'contacted' });
    expect(moved.status).toBe(200);
    expect((await manager.get(`/api/leads/leads/${leadId}`)).body.status).toBe('contacted');
  });

  it('keeps the inbox on the replica while shoppers post, and shows their leads once the replica holds them', async () => {
    const leadIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      leadIds.push(await newWebsiteLead(quiet));
      // Read right after the post: the replica answered (only it holds the planted name).
      expect(await plantedNameSeenBy(onlooker)).toBe('Replica');
    }
    await waitUntil('the new leads reach the inbox', async () => {
      const shown = (await inbox(onlooker)).map((lead) => lead.id);
      return leadIds.every((id) => shown.includes(id));
    });
  });

  it('takes a replica that stops applying changes out of rotation, and the inbox reads the primary', async () => {
    await ctx.replica.query('STOP SLAVE SQL_THREAD');
    try {
      // A replica that applies nothing is behind only once the primary has something new.
      await newWebsiteLead(await ctx.newDealership());
      await waitUntil('the lagging replica is out', () => ctx.database.replicas.inRotation().length === 0);
      const ready = await request(ctx.app).get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.checks['mysql-replicas']).toEqual({ status: 'down', critical: false });
      expect(await plantedNameSeenBy(onlooker)).toBeUndefined();
    } finally {
      await ctx.replica.query('START SLAVE SQL_THREAD');
    }
    await waitUntil('the replica is back', () => ctx.database.replicas.inRotation().length === 1);
    expect(await plantedNameSeenBy(onlooker)).toBe('Replica');
  });

  it('answers every inbox read while the replica goes away, and takes it back when it returns', async () => {
    await ctx.proxy.cut();
    try {
      for (let i = 0; i < 5; i++) expect(await plantedNameSeenBy(onlooker)).toBeUndefined();
      expect(ctx.database.replicas.inRotation()).toHaveLength(0);
    } finally {
      await ctx.proxy.restore();
    }
    await waitUntil('the replica is back', () => ctx.database.replicas.inRotation().length === 1);
    expect(await plantedNameSeenBy(onlooker)).toBe('Replica');
  });
});
