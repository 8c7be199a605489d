import { describe, expect, it } from 'vitest';
import type { WebsiteLeadInput } from '@showroom/contracts';
import { leadOfReceipt, postWebsiteLead, useLeadsTestAppAsManager, websiteLead } from '../test/lead-requests';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** With a dependency down a lead is still taken, and what follows it is delivered once it is back. */
describe('nothing lost while DynamoDB, SMTP or Redis is down', () => {
  const t = useLeadsTestAppAsManager();

  /** A routed lead's whole story: created, assigned, the assignee told and the shopper acknowledged. */
  const ROUTED = ['assigned', 'email_sent', 'email_sent', 'lead_created'];
  const timelineTypes = async (leadId: string) =>
    (await t.manager.get(`/api/leads/leads/${leadId}/timeline`)).body.items
      .map((e: { type: string }) => e.type)
      .sort();

  /** Posts a website form and gives its lead, once the form is accepted (201) despite the outage. */
  const acceptedLead = async (overrides: Partial<WebsiteLeadInput>) => {
    const res = await postWebsiteLead(t.ctx, t.dealer.id, websiteLead(overrides));
    expect(res.status).toBe(201);
    return leadOfReceipt(t.ctx, res);
  };

  it(
    'DynamoDB down: the lead is accepted, the timeline answers 503, then catches up',
    { timeout: 60_000 },
    async () => {
      await t.ctx.dynamoProxy.cut();
      const leadId = await acceptedLead({ firstName: 'Dyna' });
      await pause(800);
      const down = await t.manager.get(`/api/leads/leads/${leadId}/timeline`);
      expect(down.status).toBe(503);
      expect(down.headers['retry-after']).toBeDefined();
      await t.ctx.dynamoProxy.restore();
      await t.ctx.settle(15_000);
      expect(await timelineTypes(leadId)).toEqual(ROUTED);
    },
  );

  it(
    'SMTP down: the lead is accepted and both e-mails arrive once the server is back',
    { timeout: 60_000 },
    async () => {
      await t.ctx.sink.close();
      const email = 'smtp.outage@example.com';
      const leadId = await acceptedLead({ email });
      // The e-mails wait; the rest of the lead's consumers did not (polled: a busy machine may take
      // more than a second to route the lead).
      await expect
        .poll(() => timelineTypes(leadId), { timeout: 15_000, interval: 200 })
        .toEqual(['assigned', 'lead_created']);
      // No e-mail counts as sent (an attempt's claim may be there while it tries the server).
      const sent = await t.ctx.database.writer
        .selectFrom('outbox_deliveries')
        .select('handler')
        .where('state', '!=', 'sending')
        .where(
          'event_id',
          'in',
          t.ctx.database.writer.selectFrom('outbox').select('event_id').where('lead_id', '=', leadId),
        )
        .execute();
      expect(sent).toEqual([]);
      await t.ctx.restartSink();
      await t.ctx.settle(15_000);
      const ack = await t.ctx.sink.waitFor((m) => m.to.includes(email), 10_000);
      expect(ack.subject).toContain('Thanks for contacting');
      const lead = (await t.manager.get(`/api/leads/leads/${leadId}`)).body;
      const assignee = t.dealer.team.sales.find((s) => s.id === lead.assignee.id);
      await t.ctx.sink.waitFor(
        (m) => m.to.includes(assignee?.email ?? '') && m.text.includes(leadId),
        10_000,
      );
    },
  );

  it(
    'Redis down: the form is still taken (limits count in memory) and events wait in MySQL until it is back',
    { timeout: 60_000 },
    async () => {
      await t.ctx.redisProxy.cut();
      const leadId = await acceptedLead({ firstName: 'Reddy' });
      await pause(600);
      const waiting = await t.ctx.database.writer
        .selectFrom('outbox')
        .select('type')
        .where('lead_id', '=', leadId)
        .where('published_at', 'is', null)
        .execute();
      expect(waiting.map((e) => e.type)).toEqual(['lead_created']);
      await t.ctx.redisProxy.restore();
      await t.ctx.settle(20_000);
      expect(await timelineTypes(leadId)).toEqual(ROUTED);
    },
  );
});
