import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '@showroom/contracts';
import type { BusinessEvent } from '@showroom/server-analytics-client';
import { forDealership } from '@showroom/server-mysql';
import { ConsumerGaveUp, type OutboxEvent } from '../outbox/events';
import {
  asMember,
  leadOfReceipt,
  postWebsiteLead,
  useLeadsTestAppAsManager,
  websiteLead,
} from '../test/lead-requests';
import { leadAnalyticsHandler } from './lead-analytics';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The `analytics` consumer posts what the dashboard counts to the analytics service (here a
 * recording stand-in of its ingest route): ids from the outbox, the lead's source and channel, the
 * salesperson at the time, and nothing that names the shopper.
 */
describe('lead events reach analytics', () => {
  const t = useLeadsTestAppAsManager();

  const capture = async (overrides = {}) => {
    const form = websiteLead(overrides);
    const res = await postWebsiteLead(t.ctx, t.dealer.id, form);
    expect(res.status).toBe(201);
    await t.ctx.settle();
    return { id: await leadOfReceipt(t.ctx, res), form };
  };
  /** A lead's events in the order they happened (jobs run side by side, so arrival order is not it). */
  const eventsOf = (leadId: string): AnalyticsEvent[] =>
    t.ctx.analytics.events
      .filter((event) => event.leadId === leadId)
      .sort(
        (a, b) =>
          a.occurredAt.localeCompare(b.occurredAt) ||
          // A first response is told before the status change it came with.
          Number(b.id.endsWith(':first-response')) - Number(a.id.endsWith(':first-response')),
      );
  const outboxIdsOf = async (leadId: string, type: string) =>
    (
      await t.ctx.database.writer
        .selectFrom('outbox')
        .select('event_id')
        .where('lead_id', '=', leadId)
        .where('type', '=', type)
        .orderBy('occurred_at')
        .execute()
    ).map((row) => row.event_id);

  it('when a website lead is routed, answered and sold, then analytics gets created, assigned, first response, status changes and sold, each with the source, channel and salesperson', async () => {
    const { id, form } = await capture({
      firstName: 'Quentin',
      lastName: 'Zabriskie',
      phone: '614-555-0199',
    });
    const assigneeId = (await t.manager.get(`/api/leads/leads/${id}`)).body.assignee.id as string;
    const assignee = t.dealer.team.sales.find((s) => s.id === assigneeId);
    if (!assignee) throw new Error('the lead was not routed to a salesperson');
    const salesperson = await asMember(t.ctx, assignee, t.dealer);

    for (const status of ['contacted', 'showroom_visit', 'sold']) {
      expect((await salesperson.post(`/api/leads/leads/${id}/status`, { status })).status).toBe(200);
    }
    await t.ctx.settle();

    const events = eventsOf(id);
    expect(events.map((e) => [e.type, e.status])).toEqual([
      ['lead_created', null],
      ['lead_assigned', null],
      ['lead_first_response', null],
      ['lead_status_changed', 'contacted'],
      ['lead_status_changed', 'showroom_visit'],
      ['lead_sold', 'sold'],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        dealershipId: t.dealer.id,
        source: 'website:check_availability',
        channel: 'website',
        weight: 1,
      });
    }
    // Arrival comes before routing: nobody had the lead yet. Afterwards every event names its salesperson.
    expect(events[0]?.salespersonId).toBeNull();
    for (const event of events.slice(1)) {
      expect(event).toMatchObject({ salespersonId: assignee.id, salespersonName: assignee.name });
    }
    const firstResponse = events.find((e) => e.type === 'lead_first_response');
    expect(firstResponse?.responseSeconds).toBeGreaterThanOrEqual(0);

    const [created] = await outboxIdsOf(id, 'lead_created');
    const [assigned] = await outboxIdsOf(id, 'assigned');
    const [contacted] = await outboxIdsOf(id, 'status_changed');
    expect(events.slice(0, 4).map((e) => e.id)).toEqual([
      `leads:${created}`,
      `leads:${assigned}`,
      `leads:${contacted}:first-response`,
      `leads:${contacted}`,
    ]);

    // No shopper's name, e-mail, phone or message in anything sent.
    const sent = t.ctx.analytics.requests.map((r) => r.rawBody).join('\n');
    expect(sent).toContain(id);
    const digits = (form.phone ?? '').replace(/\D/g, '');
    for (const personal of [form.firstName, form.lastName, form.email, form.phone, digits, form.message]) {
      expect(sent.toLowerCase(), `sent ${personal}`).not.toContain(String(personal).toLowerCase());
    }
  });

  it('when a manager answers a salesperson’s lead first, then the first response is the manager’s; a loss carries its reason and the assignee at the time', async () => {
    const { id } = await capture();
    const assigneeId = (await t.manager.get(`/api/leads/leads/${id}`)).body.assignee.id as string;

    await t.manager.post(`/api/leads/leads/${id}/status`, { status: 'contacted' }).expect(200);
    await t.manager
      .post(`/api/leads/leads/${id}/status`, { status: 'lost', lostReason: 'price' })
      .expect(200);
    await t.ctx.settle();

    const events = eventsOf(id);
    const manager = t.dealer.team.manager;
    expect(events.find((e) => e.type === 'lead_first_response')).toMatchObject({
      salespersonId: manager.id,
      salespersonName: manager.name,
    });
    expect(events.find((e) => e.type === 'lead_lost')).toMatchObject({
      status: 'lost',
      lostReason: 'price',
      salespersonId: assigneeId,
    });
  });

  it('when a manager reassigns a lead, then lead_assigned names the new salesperson', async () => {
    const { id } = await capture();
    const before = (await t.manager.get(`/api/leads/leads/${id}`)).body.assignee.id as string;
    const other = t.dealer.team.sales.find((s) => s.id !== before);
    if (!other) throw new Error('the test dealership has two salespeople');

    await t.manager.post(`/api/leads/leads/${id}/assignment`, { assigneeId: other.id }).expect(200);
    await t.ctx.settle();

    const assignments = eventsOf(id).filter((e) => e.type === 'lead_assigned');
    expect(assignments.map((e) => e.salespersonId)).toEqual([before, other.id]);
    expect(assignments[1]?.salespersonName).toBe(other.name);
  });

  it('when analytics is down, then its events wait and are retried (no other consumer waits), and arrive once it is back', async () => {
    t.ctx.analytics.failWith = 503;
    try {
      const res = await postWebsiteLead(t.ctx, t.dealer.id, websiteLead());
      expect(res.status).toBe(201);
      const id = await leadOfReceipt(t.ctx, res);
      // Analytics refused at least twice (a first try and a retry) while the lead went on being worked.
      for (let waited = 0; ; waited += 50) {
        const refused = t.ctx.analytics.requests.filter((r) => r.status === 503 && r.rawBody.includes(id));
        if (refused.length >= 2) break;
        expect(waited, 'analytics was never retried').toBeLessThan(15_000);
        await pause(50);
      }
      const lead = (await t.manager.get(`/api/leads/leads/${id}`)).body;
      expect(lead.assignee).not.toBeNull();
      const unfinished = await t.ctx.database.writer
        .selectFrom('outbox_consumer_runs')
        .select('consumer')
        .where('consumer', '=', 'analytics')
        .where('finished_at', 'is', null)
        .execute();
      expect(unfinished.length).toBeGreaterThan(0);
      expect(eventsOf(id)).toHaveLength(0);

      t.ctx.analytics.failWith = null;
      await t.ctx.settle(30_000);
      expect(eventsOf(id).map((e) => e.type)).toEqual(['lead_created', 'lead_assigned']);
    } finally {
      t.ctx.analytics.failWith = null;
    }
  });
  it('when a lead event can never become a valid analytics event, then the consumer gives up on it once, recorded on its run, while the other consumers and the next leads go on', async () => {
    const { id } = await capture();
    // A source that is only blanks: every analytics event of this lead breaks the contract.
    await forDealership(t.ctx.database.writer, t.dealer.id)
      .updateTable('leads')
      .set({ source: '   ' })
      .where('id', '=', id)
      .execute();
    await t.manager.post(`/api/leads/leads/${id}/status`, { status: 'contacted' }).expect(200);
    await t.ctx.settle(15_000);

    const [changed] = await outboxIdsOf(id, 'status_changed');
    const runs = await t.ctx.database.writer
      .selectFrom('outbox_consumer_runs')
      .select(['consumer', 'attempts', 'last_error', 'exhausted_at', 'finished_at'])
      .where('event_id', '=', changed ?? '-')
      .execute();
    const analytics = runs.find((run) => run.consumer === 'analytics');
    expect(analytics).toMatchObject({ attempts: 1, last_error: expect.stringContaining('source: ') });
    expect(analytics?.finished_at).not.toBeNull();
    expect(analytics?.exhausted_at).not.toBeNull();
    // The timeline was written as usual.
    expect(runs.find((run) => run.consumer === 'timeline')).toMatchObject({ last_error: null });
    expect(t.ctx.analytics.requests.some((r) => r.rawBody.includes(`leads:${changed}`))).toBe(false);

    const next = await capture();
    expect(eventsOf(next.id).map((e) => e.type)).toEqual(['lead_created', 'lead_assigned']);
  });

  describe('the consumer on its own', () => {
    const sent: BusinessEvent[] = [];
    const logged: Record<string, unknown>[] = [];
    const handler = () =>
      leadAnalyticsHandler(
        t.ctx.database.writer,
        { send: async (events) => sent.push(...events) },
        pino({ level: 'debug' }, { write: (line: string) => logged.push(JSON.parse(line)) }),
      );
    const outboxEvent = (leadId: string, overrides: Partial<OutboxEvent> = {}): OutboxEvent => ({
      eventId: randomUUID(),
      dealershipId: t.dealer.id,
      leadId,
      occurredAt: new Date(),
      type: 'status_changed',
      actor: null,
      shopperName: 'Wilhelmina Quarshie',
      assigneeId: null,
      summary: 'Status: New → Contacted',
      data: { from: 'new', to: 'contacted' },
      ...overrides,
    });

    it('when the lead is gone (erased), then nothing is sent and the skip is logged by ids, without the shopper', async () => {
      sent.length = 0;
      logged.length = 0;
      const event = outboxEvent(randomUUID());

      await handler()(event);

      expect(sent).toEqual([]);
      expect(logged).toMatchObject([
        {
          eventId: event.eventId,
          dealershipId: t.dealer.id,
          msg: expect.stringContaining('no longer exists'),
        },
      ]);
      expect(JSON.stringify(logged)).not.toContain('Wilhelmina');
    });

    it('when one of an event’s analytics events is invalid, then the valid one is sent and the consumer gives up naming the field', async () => {
      sent.length = 0;
      const { id } = await capture();
      const event = outboxEvent(id, {
        data: { from: 'new', to: 'lost', firstResponseSeconds: 42, lostReason: 'r'.repeat(41) },
      });

      const failure = await handler()(event).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ConsumerGaveUp);
      expect((failure as Error).message).toContain('lostReason: ');
      expect(sent.map((e) => [e.id, e.type])).toEqual([
        [`leads:${event.eventId}:first-response`, 'lead_first_response'],
      ]);
    });
  });
});
