import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_EVENT_FIELDS, type AnalyticsEvent } from '@showroom/contracts';
import { analyticsApp, TEST_MACHINE_CLIENT } from '../test/analytics-test-app';

const leadArrived = (dealershipId: string, source: string): AnalyticsEvent => ({
  ...EMPTY_EVENT_FIELDS,
  id: `leads:${randomUUID()}`,
  dealershipId,
  type: 'lead_created',
  occurredAt: '2026-11-03T15:00:00.000Z',
  leadId: randomUUID(),
  source,
  channel: 'website',
});

describe('business events from the services’ outboxes', () => {
  const ctx = analyticsApp();
  let producerToken: string;
  beforeAll(async () => {
    producerToken = await ctx.ingestToken();
  });
  const ingest = (events: unknown[], token?: string) =>
    request(ctx.app)
      .post('/internal/analytics/events')
      .set('Authorization', `Bearer ${token ?? producerToken}`)
      .send({ events });
  const leadsOf = async (dealershipId: string) => {
    const manager = await ctx.member('manager', dealershipId);
    const answer = await request(ctx.app)
      .get('/api/analytics/reports/leads-by-source')
      .set('Authorization', `Bearer ${manager.token}`)
      .set('X-Dealership-Id', dealershipId)
      .query({ from: '2026-11-01', to: '2026-11-07', compare: 'none' })
      .expect(200);
    return answer.body.sources as { source: string; leads: { current: number } }[];
  };

  it('when a relay delivers the same batch twice, it is accepted both times and counted once', async () => {
    const { dealershipId } = ctx.newDealership();
    const batch = [leadArrived(dealershipId, 'cars.com'), leadArrived(dealershipId, 'walk_in')];
    expect((await ingest(batch).expect(202)).body).toEqual({ accepted: 2 });
    expect((await ingest(batch).expect(202)).body).toEqual({ accepted: 2 });
    expect(await leadsOf(dealershipId)).toEqual([
      { source: 'cars.com', leads: { current: 1, previous: null } },
      { source: 'walk_in', leads: { current: 1, previous: null } },
    ]);
  });

  it('when a batch has a bad event, nothing of it is stored and the problem names the field', async () => {
    const { dealershipId } = ctx.newDealership();
    const good = leadArrived(dealershipId, 'phone');
    const answer = await ingest([
      good,
      { ...leadArrived(dealershipId, 'phone'), type: 'vehicle_view', weight: 0 },
    ]).expect(400);
    expect(answer.type).toBe('application/problem+json');
    expect((answer.body.invalidParams as { name: string }[]).map((p) => p.name).sort()).toEqual([
      'body.events.1.type',
      'body.events.1.weight',
    ]);
    expect(await leadsOf(dealershipId)).toEqual([]);
  });

  it('a full batch of 500 events is taken at once; an empty batch, or one over 500, is refused', async () => {
    const { dealershipId } = ctx.newDealership();
    const full = Array.from({ length: 500 }, () => leadArrived(dealershipId, 'phone'));
    expect((await ingest(full).expect(202)).body).toEqual({ accepted: 500 });
    await ingest([]).expect(400);
    const over = await ingest([...full, leadArrived(dealershipId, 'phone')]).expect(400);
    expect(over.body.invalidParams).toEqual([
      { name: 'body.events', reason: expect.stringContaining('500') },
    ]);
    expect(await leadsOf(dealershipId)).toEqual([
      { source: 'phone', leads: { current: 500, previous: null } },
    ]);
  });

  it('a service without the write:analytics-events scope is refused, and so is a person', async () => {
    const { dealershipId } = ctx.newDealership();
    const unscoped = await ctx.issuer.machineToken(TEST_MACHINE_CLIENT.id, []);
    const refused = await ingest([leadArrived(dealershipId, 'phone')], unscoped).expect(403);
    expect(refused.type).toBe('application/problem+json');
    const person = await ctx.member('owner', dealershipId);
    await ingest([leadArrived(dealershipId, 'phone')], person.token).expect(403);
    await request(ctx.app).post('/internal/analytics/events').send({ events: [] }).expect(401);
    expect(await leadsOf(dealershipId)).toEqual([]);
  });
});
