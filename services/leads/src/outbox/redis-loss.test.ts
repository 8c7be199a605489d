import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '@showroom/server-testing';
import { asMember, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from '../test/leads-test-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A routed lead's whole story: created, assigned, the assignee told and the shopper acknowledged. */
const ROUTED = ['assigned', 'email_sent', 'email_sent', 'lead_created'];

/**
 * Redis is where the jobs live, not the truth: when it dies and comes back empty (a restart without
 * persistence, a failover to a replica that had not caught up), every lead's consumers still run,
 * each once in effect, because MySQL records what each consumer finished.
 */
describe('when Redis dies while leads are in flight', () => {
  const prefix = `test-loss-${randomUUID().slice(0, 8)}`;
  let ctx: LeadsTestContext;
  let dealer: TestDealership;
  let direct: Redis;

  beforeAll(async () => {
    ctx = await startLeadsTestApp({ env: { OUTBOX_QUEUE_PREFIX: prefix } });
    dealer = await ctx.newDealership();
    // Straight to Redis, not through the proxy the service uses: the test plays Redis's restart.
    direct = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    direct?.disconnect();
    await ctx?.close();
  });

  /** Deletes this test's queue (and only it): what a restarted Redis without persistence holds. */
  async function redisComesBackEmpty(): Promise<number> {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await direct.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) deleted += await direct.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  }

  const postLeads = (count: number, label: string) =>
    Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const email = `${label}.${i}.${randomUUID().slice(0, 6)}@example.com`;
        const res = await postWebsiteLead(ctx, dealer.id, websiteLead({ firstName: `${label}${i}`, email }));
        expect(res.status).toBe(201);
        // The form's answer does not name the lead; the shopper's address does.
        const lead = await ctx.database.writer
          .selectFrom('leads')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow();
        return { leadId: lead.id, email };
      }),
    );

  it(
    'every lead is assigned, written on the timeline and e-mailed exactly once',
    { timeout: 120_000 },
    async () => {
      // The users service is slow to answer this minute: routing jobs wait in Redis for their retry.
      ctx.peers.down = true;
      const before = await postLeads(6, 'before');
      // Their events are published: Redis holds their jobs, MySQL marks them published.
      for (let waited = 0; ; waited += 50) {
        const unpublished = await ctx.database.writer
          .selectFrom('outbox')
          .select('event_id')
          .where(
            'lead_id',
            'in',
            before.map((l) => l.leadId),
          )
          .where('published_at', 'is', null)
          .execute();
        if (unpublished.length === 0) break;
        expect(waited).toBeLessThan(5000);
        await pause(50);
      }
      await pause(300);

      await ctx.redisProxy.cut();
      const during = await postLeads(6, 'during');
      await pause(500);
      expect(await redisComesBackEmpty()).toBeGreaterThan(0);
      await ctx.redisProxy.restore();
      ctx.peers.down = false;
      const after = await postLeads(6, 'after');

      await ctx.settle(75_000);
      const leads = [...before, ...during, ...after];
      const manager = await asMember(ctx, dealer.team.manager, dealer);
      const assignees: string[] = [];
      for (const { leadId, email } of leads) {
        const lead = (await manager.get(`/api/leads/leads/${leadId}`)).body;
        expect(lead.assignee, `lead ${leadId} was never assigned`).not.toBeNull();
        assignees.push(lead.assignee.id);
        const timeline = (await manager.get(`/api/leads/leads/${leadId}/timeline`)).body.items
          .map((e: { type: string }) => e.type)
          .sort();
        expect(timeline, `timeline of ${leadId}`).toEqual(ROUTED);
        const assignee = dealer.team.sales.find((s) => s.id === lead.assignee.id);
        const mails = ctx.sink.messages();
        expect(mails.filter((m) => m.to.includes(email))).toHaveLength(1);
        expect(
          mails.filter((m) => m.to.includes(assignee?.email ?? '-') && m.text.includes(leadId)),
        ).toHaveLength(1);
      }
      // Round-robin moved on once per lead: a lead routed twice would skew the turns.
      const [first, second] = dealer.team.sales.map((s) => assignees.filter((id) => id === s.id).length);
      expect(Math.abs((first ?? 0) - (second ?? 0))).toBeLessThanOrEqual(1);
      // Analytics got each lead's arrival and assignment, each stored once whatever was redelivered.
      const ids = new Set(leads.map((l) => l.leadId));
      const received = ctx.analytics.events.filter((e) => e.leadId !== null && ids.has(e.leadId));
      expect(received.filter((e) => e.type === 'lead_created')).toHaveLength(leads.length);
      expect(received.filter((e) => e.type === 'lead_assigned')).toHaveLength(leads.length);
    },
  );
});
