import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asMember, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { startLeadsTestApp, type LeadsTestContext, type TestDealership } from '../test/leads-test-app';

describe('website form capture', () => {
  let ctx: LeadsTestContext;
  let dealer: TestDealership;

  beforeAll(async () => {
    ctx = await startLeadsTestApp();
    dealer = await ctx.newDealership();
  });
  afterAll(() => ctx.close());

  it('stores the lead before answering 201, and the manager sees it with its source', async () => {
    const res = await postWebsiteLead(
      ctx,
      dealer.id,
      websiteLead({ intent: 'schedule_test_drive', firstName: 'Ada' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.duplicateOf).toBeNull();
    expect(res.headers['location']).toBe(`/api/leads/leads/${res.body.leadId}`);
    const stored = await ctx.database.writer
      .selectFrom('leads')
      .select(['first_name', 'status', 'channel', 'source'])
      .where('id', '=', res.body.leadId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      first_name: 'Ada',
      status: 'new',
      channel: 'website',
      source: 'website:schedule_test_drive',
    });
    const manager = await asMember(ctx, dealer.team.manager, dealer);
    const detail = await manager.get(`/api/leads/leads/${res.body.leadId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ intent: 'schedule_test_drive', status: 'new', submissionCount: 1 });
  });

  it('names every bad field and stores nothing', async () => {
    const before = await ctx.database.writer
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await postWebsiteLead(ctx, dealer.id, {
      intent: 'buy_now',
      firstName: '',
      email: 'not-mail',
      extra: 1,
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const names = res.body.invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['body.intent', 'body.firstName', 'body.email', 'body']));
    const after = await ctx.database.writer
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('asks for an e-mail or a phone', async () => {
    const res = await postWebsiteLead(ctx, dealer.id, { intent: 'general_contact', firstName: 'Nobody' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toContainEqual({
      name: 'body.email',
      reason: 'give an e-mail address or a phone number',
    });
  });

  it('answers 404 for a dealership that takes no leads', async () => {
    const res = await postWebsiteLead(ctx, '00000000-0000-4000-8000-000000000000', websiteLead());
    expect(res.status).toBe(404);
  });

  it('drops a submission whose honeypot is filled, without telling the bot', async () => {
    const email = 'bot@spam.example';
    const res = await postWebsiteLead(ctx, dealer.id, {
      ...websiteLead({ email }),
      homepage: 'http://spam.example',
    });
    expect(res.status).toBe(202);
    const stored = await ctx.database.writer
      .selectFrom('leads')
      .select('id')
      .where('email', '=', email)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('attaches a returning shopper (same e-mail in other case, same phone written differently) to the open lead', async () => {
    const first = await postWebsiteLead(
      ctx,
      dealer.id,
      websiteLead({ email: 'Repeat.Shopper@Example.com', phone: '614-555-0100' }),
    );
    const byEmail = await postWebsiteLead(
      ctx,
      dealer.id,
      websiteLead({ email: ' repeat.shopper@example.COM ', phone: undefined }),
    );
    const byPhone = await postWebsiteLead(
      ctx,
      dealer.id,
      websiteLead({ email: undefined, phone: '+1 (614) 555 0100' }),
    );
    expect(first.status).toBe(201);
    for (const again of [byEmail, byPhone]) {
      expect(again.status).toBe(201);
      expect(again.body.leadId).toBe(first.body.leadId);
      expect(again.body.duplicateOf).toBe(first.body.leadId);
    }
    const manager = await asMember(ctx, dealer.team.manager, dealer);
    const detail = await manager.get(`/api/leads/leads/${first.body.leadId}`);
    expect(detail.body.submissionCount).toBe(3);
    expect(detail.body.submissions).toHaveLength(3);
  });

  it('opens a new lead, linked to the old one, when the earlier lead is closed', async () => {
    const manager = await asMember(ctx, dealer.team.manager, dealer);
    const email = 'closed.before@example.com';
    const first = await postWebsiteLead(ctx, dealer.id, websiteLead({ email }));
    await manager
      .post(`/api/leads/leads/${first.body.leadId}/status`, { status: 'lost', lostReason: 'not_ready' })
      .expect(200);
    const second = await postWebsiteLead(ctx, dealer.id, websiteLead({ email }));
    expect(second.body.leadId).not.toBe(first.body.leadId);
    expect(second.body.duplicateOf).toBeNull();
    const detail = await manager.get(`/api/leads/leads/${second.body.leadId}`);
    expect(detail.body.relatedLeads.map((l: { id: string }) => l.id)).toEqual([first.body.leadId]);
  });

  it('never stores the same submission twice under one Idempotency-Key, and refuses the key for another body', async () => {
    const body = websiteLead({ email: 'idem@example.com' });
    const send = (payload: object) =>
      postWebsiteLead(ctx, dealer.id, payload).set('Idempotency-Key', 'form-7f1c2e');
    const first = await send(body);
    const retry = await send(body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const submissions = await ctx.database.writer
      .selectFrom('lead_submissions')
      .select('id')
      .where('lead_id', '=', first.body.leadId)
      .execute();
    expect(submissions).toHaveLength(1);
    const other = await send({ ...body, message: 'something else' });
    expect(other.status).toBe(409);
    expect(other.body.invalidParams[0].name).toBe('Idempotency-Key');
  });

  it('stores scripts in names and messages verbatim, as text', async () => {
    const script = '<script>alert("x")</script>';
    const res = await postWebsiteLead(
      ctx,
      dealer.id,
      websiteLead({ firstName: script, message: `${script}'; DROP TABLE leads; --` }),
    );
    const manager = await asMember(ctx, dealer.team.manager, dealer);
    const detail = await manager.get(`/api/leads/leads/${res.body.leadId}`);
    expect(detail.body.shopper.firstName).toBe(script);
    expect(detail.body.message).toBe(`${script}'; DROP TABLE leads; --`);
  });

  describe('CORS for the dealership’s own website', () => {
    it('answers the preflight of a registered origin and allows its post', async () => {
      const path = `/api/leads/public/dealerships/${dealer.id}/leads`;
      const preflight = await request(ctx.app)
        .options(path)
        .set('Origin', dealer.siteOrigin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(dealer.siteOrigin);
      expect(preflight.headers['access-control-allow-methods']).toBe('POST');
      const post = await request(ctx.app).post(path).set('Origin', dealer.siteOrigin).send(websiteLead());
      expect(post.status).toBe(201);
      expect(post.headers['access-control-allow-origin']).toBe(dealer.siteOrigin);
    });

    it('gives another site no CORS headers and refuses its post', async () => {
      const path = `/api/leads/public/dealerships/${dealer.id}/leads`;
      const preflight = await request(ctx.app)
        .options(path)
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const post = await request(ctx.app)
        .post(path)
        .set('Origin', 'https://evil.example')
        .send(websiteLead());
      expect(post.status).toBe(403);
      expect(post.body.detail).toContain('https://evil.example');
    });
  });
});

describe('website form rate limits', () => {
  let ctx: LeadsTestContext;

  beforeAll(async () => {
    ctx = await startLeadsTestApp({ rateLimits: { perAddress: 3, perDealership: 5, windowSeconds: 60 } });
  });
  afterAll(() => ctx.close());

  it('answers 429 with Retry-After once one address sends too many', async () => {
    const dealer = await ctx.newDealership();
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await postWebsiteLead(ctx, dealer.id, websiteLead()).set('X-Forwarded-For', '203.0.113.7');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.body.type).toBe('https://showroom.dev/problems/too-many-requests');
    const other = await postWebsiteLead(ctx, dealer.id, websiteLead()).set('X-Forwarded-For', '203.0.113.8');
    expect(other.status).toBe(201);
  });

  it('limits one dealership’s form across addresses', async () => {
    const dealer = await ctx.newDealership();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await postWebsiteLead(ctx, dealer.id, websiteLead()).set(
        'X-Forwarded-For',
        `198.51.100.${i + 1}`,
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
