import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { asMember, leadOfReceipt, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { useLeadsTestApp } from '../test/leads-test-app';

describe('website form capture', () => {
  const t = useLeadsTestApp();

  it('stores the lead before answering 201, and the manager sees it with its source', async () => {
    const res = await postWebsiteLead(
      t.ctx,
      t.dealer.id,
      websiteLead({ intent: 'schedule_test_drive', firstName: 'Ada' }),
    );
    expect(res.status).toBe(201);
    const leadId = await leadOfReceipt(t.ctx, res);
    const stored = await t.ctx.database.writer
      .selectFrom('leads')
      .select(['first_name', 'status', 'channel', 'source'])
      .where('id', '=', leadId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      first_name: 'Ada',
      status: 'new',
      channel: 'website',
      source: 'website:schedule_test_drive',
    });
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    const detail = await manager.get(`/api/leads/leads/${leadId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ intent: 'schedule_test_drive', status: 'new', submissionCount: 1 });
  });

  it('names every bad field and stores nothing', async () => {
    const before = await t.ctx.database.writer
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await postWebsiteLead(t.ctx, t.dealer.id, {
      intent: 'buy_now',
      firstName: '',
      email: 'not-mail',
      extra: 1,
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const names = res.body.invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['body.intent', 'body.firstName', 'body.email', 'body']));
    const after = await t.ctx.database.writer
      .selectFrom('leads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('asks for an e-mail or a phone', async () => {
    const res = await postWebsiteLead(t.ctx, t.dealer.id, { intent: 'general_contact', firstName: 'Nobody' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toContainEqual({
      name: 'body.email',
      reason: 'give an e-mail address or a phone number',
    });
  });

  it('answers 404 for a dealership that takes no leads', async () => {
    const res = await postWebsiteLead(t.ctx, '00000000-0000-4000-8000-000000000000', websiteLead());
    expect(res.status).toBe(404);
  });

  it('drops a submission whose honeypot is filled, without telling the bot', async () => {
    const email = 'bot@spam.example';
    const res = await postWebsiteLead(t.ctx, t.dealer.id, {
      ...websiteLead({ email }),
      homepage: 'http://spam.example',
    });
    expect(res.status).toBe(201);
    expect(res.body.receipt).toEqual(expect.any(String));
    const stored = await t.ctx.database.writer
      .selectFrom('leads')
      .select('id')
      .where('email', '=', email)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('attaches a returning shopper (same e-mail in other case, same phone written differently) to the open lead', async () => {
    const first = await postWebsiteLead(
      t.ctx,
      t.dealer.id,
      websiteLead({ email: 'Repeat.Shopper@Example.com', phone: '614-555-0100' }),
    );
    const byEmail = await postWebsiteLead(
      t.ctx,
      t.dealer.id,
      websiteLead({ email: ' repeat.shopper@example.COM ', phone: undefined }),
    );
    const byPhone = await postWebsiteLead(
      t.ctx,
      t.dealer.id,
      websiteLead({ email: undefined, phone: '+1 (614) 555 0100' }),
    );
    expect(first.status).toBe(201);
    const leadId = await leadOfReceipt(t.ctx, first);
    for (const again of [byEmail, byPhone]) {
      expect(again.status).toBe(201);
      expect(await leadOfReceipt(t.ctx, again)).toBe(leadId);
    }
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    const detail = await manager.get(`/api/leads/leads/${leadId}`);
    expect(detail.body.submissionCount).toBe(3);
    expect(detail.body.submissions).toHaveLength(3);
  });

  it('opens a new lead, linked to the old one, when the earlier lead is closed', async () => {
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    const email = 'closed.before@example.com';
    const first = await leadOfReceipt(
      t.ctx,
      await postWebsiteLead(t.ctx, t.dealer.id, websiteLead({ email })),
    );
    await manager
      .post(`/api/leads/leads/${first}/status`, { status: 'lost', lostReason: 'not_ready' })
      .expect(200);
    const second = await leadOfReceipt(
      t.ctx,
      await postWebsiteLead(t.ctx, t.dealer.id, websiteLead({ email })),
    );
    expect(second).not.toBe(first);
    const detail = await manager.get(`/api/leads/leads/${second}`);
    expect(detail.body.relatedLeads.map((l: { id: string }) => l.id)).toEqual([first]);
  });

  it('never stores the same submission twice under one Idempotency-Key, and refuses the key for another body', async () => {
    const body = websiteLead({ email: 'idem@example.com' });
    const send = (payload: object) =>
      postWebsiteLead(t.ctx, t.dealer.id, payload).set('Idempotency-Key', 'form-7f1c2e');
    const first = await send(body);
    const retry = await send(body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const submissions = await t.ctx.database.writer
      .selectFrom('lead_submissions')
      .select('id')
      .where('lead_id', '=', await leadOfReceipt(t.ctx, first))
      .execute();
    expect(submissions).toHaveLength(1);
    const other = await send({ ...body, message: 'something else' });
    expect(other.status).toBe(409);
    expect(other.body.invalidParams[0].name).toBe('Idempotency-Key');
  });

  it('stores scripts in names and messages verbatim, as text', async () => {
    const script = '<script>alert("x")</script>';
    const res = await postWebsiteLead(
      t.ctx,
      t.dealer.id,
      websiteLead({ firstName: script, message: `${script}'; DROP TABLE leads; --` }),
    );
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    const detail = await manager.get(`/api/leads/leads/${await leadOfReceipt(t.ctx, res)}`);
    expect(detail.body.shopper.firstName).toBe(script);
    expect(detail.body.message).toBe(`${script}'; DROP TABLE leads; --`);
  });

  describe('CORS for the dealership’s own website', () => {
    it('answers the preflight of a registered origin and allows its post', async () => {
      const path = `/api/leads/public/dealerships/${t.dealer.id}/leads`;
      const preflight = await request(t.ctx.app)
        .options(path)
        .set('Origin', t.dealer.siteOrigin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(t.dealer.siteOrigin);
      expect(preflight.headers['access-control-allow-methods']).toBe('POST');
      const post = await request(t.ctx.app).post(path).set('Origin', t.dealer.siteOrigin).send(websiteLead());
      expect(post.status).toBe(201);
      expect(post.headers['access-control-allow-origin']).toBe(t.dealer.siteOrigin);
    });

    it('gives another site no CORS headers and refuses its post', async () => {
      const path = `/api/leads/public/dealerships/${t.dealer.id}/leads`;
      const preflight = await request(t.ctx.app)
        .options(path)
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const post = await request(t.ctx.app)
        .post(path)
        .set('Origin', 'https://evil.example')
        .send(websiteLead());
      expect(post.status).toBe(403);
      expect(post.body.detail).toContain('https://evil.example');
    });
  });
});

describe('website form rate limits', () => {
  const t = useLeadsTestApp({ rateLimits: { perAddress: 3, perDealership: 5, windowSeconds: 60 } });

  it('answers 429 with Retry-After once one address sends too many', async () => {
    const dealer = await t.ctx.newDealership();
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await postWebsiteLead(t.ctx, dealer.id, websiteLead()).set('X-Forwarded-For', '203.0.113.7');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.body.type).toBe('https://showroom.dev/problems/too-many-requests');
    const other = await postWebsiteLead(t.ctx, dealer.id, websiteLead()).set(
      'X-Forwarded-For',
      '203.0.113.8',
    );
    expect(other.status).toBe(201);
  });

  it('limits one dealership’s form across addresses', async () => {
    const dealer = await t.ctx.newDealership();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await postWebsiteLead(t.ctx, dealer.id, websiteLead()).set(
        'X-Forwarded-For',
        `198.51.100.${i + 1}`,
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
