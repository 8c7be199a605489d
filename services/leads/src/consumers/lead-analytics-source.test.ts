import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '@showroom/contracts';
import { adfDocument } from '../test/adf-documents';
import { asMember, leadOfReceipt, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { useLeadsTestApp } from '../test/leads-test-app';

/**
 * Analytics counts a lead under its marketing source (see the engine port): a website lead under
 * the traffic source of the visit that sent it, so google's vehicle views and google's leads share
 * a funnel row; any other lead under its own source.
 */
describe('the source a lead has in analytics', () => {
  const t = useLeadsTestApp({ ingestKey: true });

  const eventsOf = (leadId: string): AnalyticsEvent[] =>
    t.ctx.analytics.events.filter((event) => event.leadId === leadId);

  /** Works the lead to a sale, so every kind of lead_* event is sent. */
  const sell = async (leadId: string) => {
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    for (const status of ['contacted', 'appointment_set', 'showroom_visit', 'sold']) {
      await manager.post(`/api/leads/leads/${leadId}/status`, { status }).expect(200);
    }
    await t.ctx.settle();
  };

  it('when a website visit from google sends a form, then every lead event is google’s, the lead keeps its own source and the column keeps google', async () => {
    const res = await postWebsiteLead(t.ctx, t.dealer.id, websiteLead({ trafficSource: ' Google ' }));
    expect(res.status).toBe(201);
    const leadId = await leadOfReceipt(t.ctx, res);
    await sell(leadId);

    const events = eventsOf(leadId);
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(['lead_created', 'lead_assigned', 'lead_first_response', 'lead_status_changed', 'lead_sold']),
    );
    for (const event of events)
      expect(event, event.type).toMatchObject({ source: 'google', channel: 'website' });

    // Staff still see where the lead came in; the visit's source is kept beside it.
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    expect((await manager.get(`/api/leads/leads/${leadId}`).expect(200)).body.source).toBe(
      'website:check_availability',
    );
    const row = await t.ctx.database.writer
      .selectFrom('leads')
      .select(['source', 'traffic_source'])
      .where('id', '=', leadId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ source: 'website:check_availability', traffic_source: 'google' });
  });

  it('when a website form comes without a traffic source (an older site, an empty one), then its events keep the form’s source', async () => {
    for (const trafficSource of [undefined, '   ']) {
      const res = await postWebsiteLead(
        t.ctx,
        t.dealer.id,
        websiteLead({ intent: 'request_quote', trafficSource }),
      );
      expect(res.status).toBe(201);
      const leadId = await leadOfReceipt(t.ctx, res);
      await t.ctx.settle();
      const [created] = eventsOf(leadId);
      expect(created).toMatchObject({ type: 'lead_created', source: 'website:request_quote' });
    }
  });

  it('when an ADF lead arrives, then every lead event keeps its provider as the source', async () => {
    const xml = adfDocument([
      { id: 'TS-1', first: 'Ada', last: 'Provider', email: 'ada.provider@example.com' },
    ]);
    const res = await request(t.ctx.app)
      .post('/api/leads/adf')
      .set('Content-Type', 'application/xml')
      .auth(t.ingestKey, { type: 'bearer' })
      .send(xml);
    expect(res.status).toBe(201);
    const leadId = res.body.leads[0].leadId as string;
    await sell(leadId);

    const events = eventsOf(leadId);
    expect(events.map((e) => e.type)).toContain('lead_sold');
    for (const event of events)
      expect(event, event.type).toMatchObject({ source: 'CarMarket', channel: 'adf' });
  });

  it('when a website form names a traffic source longer than 80 characters, then it is refused with 400 naming the field and no lead is stored', async () => {
    const form = websiteLead({ trafficSource: 'x'.repeat(81) });
    const res = await postWebsiteLead(t.ctx, t.dealer.id, form);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain('body.trafficSource');
    const stored = await t.ctx.database.writer
      .selectFrom('leads')
      .select('id')
      .where('email', '=', form.email ?? '')
      .execute();
    expect(stored).toEqual([]);
  });
});
