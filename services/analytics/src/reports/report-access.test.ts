import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEMO_DEALERSHIPS, DEMO_USERS, type DemoUser } from '@showroom/demo-data';
import { analyticsApp } from '../test/analytics-test-app';

const { downtown, northside, rival } = DEMO_DEALERSHIPS;
const week = { from: '2026-11-01', to: '2026-11-07' };

describe('who may ask the reports for what', () => {
  const ctx = analyticsApp();
  const asUser = (user: DemoUser) => ctx.tokenFor(user, [...user.memberships]);
  const ask = (
    path: string,
    token: string,
    query: Record<string, string>,
    dealershipId: string = downtown.id,
  ) =>
    request(ctx.app)
      .get(`/api/analytics/reports/${path}`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Dealership-Id', dealershipId)
      .query(query);

  it('when a salesperson asks for the group view, it is refused with a 403 problem and no figures', async () => {
    const answer = await ask('leads-by-source', await asUser(DEMO_USERS.sales), {
      ...week,
      scope: 'group',
    }).expect(403);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status: 403, detail: expect.stringContaining('analytics:read-all') });
    expect(answer.body).not.toHaveProperty('days');
  });

  it('when a salesperson asks for a colleague’s figures, it is refused with 403', async () => {
    const answer = await ask('close-rate', await asUser(DEMO_USERS.sales), {
      ...week,
      salespersonId: DEMO_USERS.sales2.id,
    }).expect(403);
    expect(answer.body.detail).toContain('another salesperson');
  });

  it('a salesperson may not read the dealership’s spending; a manager may', async () => {
    await ask('source-costs', await asUser(DEMO_USERS.sales), week).expect(403);
    await ask('source-costs', await asUser(DEMO_USERS.manager), week).expect(200);
  });

  it('the group view of someone who is a salesperson at another rooftop leaves that rooftop out', async () => {
    // Manager downtown, salesperson at the rival: the rival is not hers to read everyone's figures of.
    const token = await ctx.tokenFor({ id: 'auth0|two-hats', name: 'Two Hats' }, [
      { dealershipId: downtown.id, role: 'manager' },
      { dealershipId: northside.id, role: 'viewer' },
      { dealershipId: rival.id, role: 'sales' },
    ]);
    const answer = await ask('rooftops', token, { ...week, scope: 'group' }).expect(200);
    expect(answer.body.meta.dealershipIds).toEqual([downtown.id, northside.id]);
    expect(answer.body.rooftops.map((r: { dealershipId: string }) => r.dealershipId).sort()).toEqual(
      [downtown.id, northside.id].sort(),
    );
  });

  it('a finance manager, who has no analytics permission, is refused every report', async () => {
    await ask('funnel', await asUser(DEMO_USERS.finance), week).expect(403);
  });

  it.each([
    ['no dates at all', {}, ['query.from', 'query.to']],
    ['a day that is not a date', { from: '2026-13-01', to: '2026-11-07' }, ['query.from']],
    [
      'a salesperson id longer than any',
      { ...week, salespersonId: 'x'.repeat(129) },
      ['query.salespersonId'],
    ],
    ['the end before the start', { from: '2026-11-07', to: '2026-11-01' }, ['query.to']],
    ['more than a year', { from: '2025-01-01', to: '2026-11-01' }, ['query.to']],
    [
      'an unknown comparison and scope',
      { ...week, compare: 'last-year', scope: 'world' },
      ['query.compare', 'query.scope'],
    ],
    ['a field no report takes', { ...week, dealershipId: rival.id }, ['query']],
  ])('when the query has %s, it is refused with 400 naming each field', async (_label, query, fields) => {
    const answer = await ask(
      'funnel',
      await asUser(DEMO_USERS.manager),
      query as Record<string, string>,
    ).expect(400);
    expect(answer.type).toBe('application/problem+json');
    const names = (answer.body.invalidParams as { name: string }[]).map((p) => p.name);
    // Each bad field is named (a bad day may also fail the order check beside it).
    expect(names).toEqual(expect.arrayContaining(fields));
    expect(answer.body).not.toHaveProperty('sources');
  });

  it('when the users service cannot say the dealership’s time zone, the report answers 503 and asks to retry', async () => {
    const own = ctx.newDealership({ timeZone: 'America/Chicago' });
    const member = await ctx.member('manager', own.dealershipId);
    ctx.users.down = true;
    try {
      const answer = await ask('funnel', member.token, week, own.dealershipId).expect(503);
      expect(answer.type).toBe('application/problem+json');
      expect(answer.headers['retry-after']).toBeDefined();
    } finally {
      ctx.users.down = false;
    }
    const answer = await ask('funnel', member.token, week, own.dealershipId).expect(200);
    expect(answer.body.meta.timeZone).toBe('America/Chicago');
  });
});
