import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { adfDocument } from '../test/adf-documents';
import { asMember, postWebsiteLead, websiteLead } from '../test/lead-requests';
import { useLeadsTestApp } from '../test/leads-test-app';

const RECEIPT_ONLY = ['receipt'];

/** `count` prospects, each a different shopper. */
const prospects = (count: number, tag: string) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${tag}-${i}`,
    first: `P${i}`,
    last: tag,
    email: `${tag.toLowerCase()}-${i}@example.com`,
  }));

describe('ADF abuse: one post cannot write gigabytes or send thousands of mails', () => {
  const t = useLeadsTestApp({
    ingestKey: true,
    env: { ADF_RATE_PER_KEY: '12', ADF_RATE_WINDOW_SECONDS: '3600' },
  });

  const postAdf = (xml: string, withKey = t.ingestKey) =>
    request(t.ctx.app)
      .post('/api/leads/adf')
      .set('Content-Type', 'application/xml')
      .auth(withKey, { type: 'bearer' })
      .send(xml);

  it('refuses a document with more prospects than allowed (413 naming the count) and stores nothing', async () => {
    const xml = adfDocument(prospects(51, 'Cap'));
    const res = await postAdf(xml).set('Idempotency-Key', 'cap-51');
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('https://showroom.dev/problems/payload-too-large');
    expect(res.body.detail).toContain('51 prospects');
    expect(res.body.detail).toContain('50');
    const stored = await t.ctx.database.writer
      .selectFrom('leads')
      .select('id')
      .where('dealership_id', '=', t.dealer.id)
      .where('last_name', '=', 'Cap')
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('keeps a document of several prospects once, and each submission only its own prospect', async () => {
    const xml = adfDocument(prospects(3, 'Once'));
    const res = await postAdf(xml);
    expect(res.status).toBe(201);
    expect(res.body.leads).toHaveLength(3);
    const documents = await t.ctx.database.writer
      .selectFrom('lead_documents')
      .select(['id', 'prospect_count'])
      .where('dealership_id', '=', t.dealer.id)
      .where('body', '=', xml)
      .execute();
    expect(documents).toEqual([{ id: expect.any(String), prospect_count: 3 }]);
    const submissions = await t.ctx.database.writer
      .selectFrom('lead_submissions')
      .select(['original_document', 'document_id', 'prospect_document'])
      .where('dealership_id', '=', t.dealer.id)
      .where('external_id', 'in', ['Once-0', 'Once-1', 'Once-2'])
      .orderBy('external_id')
      .execute();
    expect(submissions).toHaveLength(3);
    for (const [i, submission] of submissions.entries()) {
      expect(submission.original_document).toBeNull();
      expect(submission.document_id).toBe(documents[0]?.id);
      expect(submission.prospect_document).toContain(`once-${i}@example.com`);
      expect(submission.prospect_document?.match(/<prospect/gi)).toHaveLength(1);
    }
  });

  it('replays a document of the most prospects allowed under its Idempotency-Key', async () => {
    const xml = adfDocument(prospects(50, 'Replay'));
    const first = await postAdf(xml).set('Idempotency-Key', 'replay-50');
    const again = await postAdf(xml).set('Idempotency-Key', 'replay-50');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual(first.body);
    const kept = await t.ctx.database.writer
      .selectFrom('idempotency_keys')
      .select((eb) => eb.fn('length', ['response_body']).as('bytes'))
      .where('dealership_id', '=', t.dealer.id)
      .where('idempotency_key', '=', 'replay-50')
      .executeTakeFirstOrThrow();
    // A TEXT column holds 65 535 bytes: the largest document allowed keeps well within it.
    expect(Number(kept.bytes)).toBeLessThan(16_000);
  });

  it('answers a wrong ingest key with 401 before reading the body', async () => {
    const server = http.createServer(t.ctx.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/leads/adf',
          headers: {
            'Content-Type': 'application/xml',
            'Content-Length': String(500 * 1024),
            Authorization: 'Bearer srk_not-a-key',
          },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ECONNRESET') reject(error);
        });
        // Only the first kilobyte of the announced 500 kB is ever sent.
        req.write('<?adf version="1.0"?><adf>'.padEnd(1024, ' '));
      });
      expect(status).toBe(401);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 5000);

  it('limits posts per ingest key (429 with Retry-After); another dealership’s key is not slowed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await postAdf(
        adfDocument([{ first: 'Rate', last: `L${i}`, email: `rate${i}@example.com` }]),
      );
      statuses.push(res.status);
    }
    // Earlier tests of this file used some of the 12 posts of this key's window.
    expect(statuses).toContain(429);
    const limited = await postAdf(adfDocument([{ first: 'Rate', last: 'Late', email: 'late@example.com' }]));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.type).toBe('https://showroom.dev/problems/too-many-requests');
    const other = await t.ctx.newDealership();
    const otherKey = (
      await (await asMember(t.ctx, other.team.owner, other)).post('/api/leads/settings/ingest-key')
    ).body.ingestKey;
    const fresh = await postAdf(
      adfDocument([{ first: 'Oth', last: 'Er', email: 'oth@example.com' }]),
      otherKey,
    );
    expect(fresh.status).toBe(201);
  });
});

describe('the public form tells strangers nothing and edits no lead', () => {
  const t = useLeadsTestApp();

  it('answers a new lead and a returning shopper alike: an opaque receipt, no lead id, no Location', async () => {
    const email = 'receipt.shopper@example.com';
    const first = await postWebsiteLead(t.ctx, t.dealer.id, websiteLead({ email }));
    const again = await postWebsiteLead(t.ctx, t.dealer.id, websiteLead({ email }));
    for (const res of [first, again]) {
      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(RECEIPT_ONLY);
      expect(res.body.receipt).toEqual(expect.any(String));
      expect(res.headers['location']).toBeUndefined();
    }
    const leadIds = await t.ctx.database.writer
      .selectFrom('leads')
      .select('id')
      .where('dealership_id', '=', t.dealer.id)
      .where('email', '=', email)
      .execute();
    expect(leadIds).toHaveLength(1);
    for (const res of [first, again]) expect(JSON.stringify(res.body)).not.toContain(leadIds[0]?.id);
    expect(first.body.receipt).not.toBe(again.body.receipt);
  });

  it('answers a bot that filled the honeypot exactly as it answers a shopper', async () => {
    const res = await postWebsiteLead(t.ctx, t.dealer.id, {
      ...websiteLead(),
      homepage: 'http://spam.example',
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(RECEIPT_ONLY);
  });

  it('never writes a stranger’s e-mail or phone onto an existing lead; staff see it on the timeline', async () => {
    const email = 'victim.shopper@example.com';
    await postWebsiteLead(t.ctx, t.dealer.id, websiteLead({ email, phone: undefined })).expect(201);
    await postWebsiteLead(t.ctx, t.dealer.id, websiteLead({ email, phone: '614-555-0666' })).expect(201);
    const lead = await t.ctx.database.writer
      .selectFrom('leads')
      .select(['id', 'phone', 'phone_norm', 'submission_count'])
      .where('dealership_id', '=', t.dealer.id)
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(lead).toMatchObject({ phone: null, phone_norm: null, submission_count: 2 });
    await t.ctx.settle();
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    const timeline = await manager.get(`/api/leads/leads/${lead.id}/timeline`);
    const returned = timeline.body.items.find((e: { type: string }) => e.type === 'duplicate_attached');
    expect(returned.data.offeredContact).toEqual({ email: null, phone: '614-555-0666' });
    expect(returned.summary).toContain('614-555-0666');
  });
});

describe('site origins and limits: unauthenticated calls cost little', () => {
  const t = useLeadsTestApp({ rateLimits: { perAddress: 3, perDealership: 1000, windowSeconds: 60 } });

  it('limits preflights too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await request(t.ctx.app)
        .options(`/api/leads/public/dealerships/${t.dealer.id}/leads`)
        .set('Origin', t.dealer.siteOrigin)
        .set('Access-Control-Request-Method', 'POST')
        .set('X-Forwarded-For', '203.0.113.50');
      statuses.push(res.status);
    }
    expect(statuses).toEqual([204, 204, 204, 429]);
  });

  it('counts an address before looking up any origin: made-up dealerships are limited too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await postWebsiteLead(t.ctx, crypto.randomUUID(), websiteLead())
        .set('Origin', 'https://www.made-up.example')
        .set('X-Forwarded-For', '203.0.113.51');
      statuses.push(res.status);
    }
    expect(statuses).toEqual([403, 403, 403, 429]);
  });
});
