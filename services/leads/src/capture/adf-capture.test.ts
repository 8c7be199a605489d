import MailComposer from 'nodemailer/lib/mail-composer';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { adfDocument, adfEmail, postAdfEmail } from '../test/adf-documents';
import { asMember } from '../test/lead-requests';
import { useLeadsTestApp } from '../test/leads-test-app';

describe('ADF/XML capture', () => {
  const t = useLeadsTestApp({ ingestKey: true });

  const postAdf = (xml: string, type = 'application/xml', withKey = t.ingestKey) =>
    request(t.ctx.app)
      .post('/api/leads/adf')
      .set('Content-Type', type)
      .auth(withKey, { type: 'bearer' })
      .send(xml);

  it('takes a document with two prospects as two leads, keeping the original document and the provider', async () => {
    const xml = adfDocument([
      { id: 'CM-1001', first: 'Ann', last: 'Adams', email: 'ann@example.com' },
      { id: 'CM-1002', first: 'Bob', last: 'Brown', phone: '(614) 555-0111' },
    ]);
    const res = await postAdf(xml, 'application/x-adf+xml');
    expect(res.status).toBe(201);
    expect(res.body.leads).toHaveLength(2);
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    const ann = await manager.get(`/api/leads/leads/${res.body.leads[0].leadId}`);
    expect(ann.body).toMatchObject({
      channel: 'adf',
      source: 'CarMarket',
      shopper: { firstName: 'Ann', lastName: 'Adams', email: 'ann@example.com' },
      vehicle: { year: 2021, make: 'Honda', model: 'Accord', stockNumber: 'U1234', priceCents: 2_499_500 },
      message: 'Is it still available?',
    });
    expect(ann.body.submissions[0]).toMatchObject({ externalId: 'CM-1001', originalDocument: xml });
  });

  it('attaches a second prospect of the same shopper in one document to the lead the first one opened', async () => {
    const xml = adfDocument([
      { id: 'CM-3001', first: 'Dee', last: 'Double', email: 'dee.double@example.com' },
      { id: 'CM-3002', first: 'Dee', last: 'Double', email: 'DEE.DOUBLE@example.com' },
    ]);
    const res = await postAdf(xml);
    expect(res.status).toBe(201);
    const [first, second] = res.body.leads;
    expect(second).toMatchObject({ leadId: first.leadId, duplicateOf: first.leadId });
    expect(first.duplicateOf).toBeNull();
  });

  it('stores the same ADF id from the same source once, however often it is sent', async () => {
    const xml = adfDocument([{ id: 'CM-2001', first: 'Cy', last: 'Cole', email: 'cy@example.com' }]);
    const first = await postAdf(xml);
    const again = await postAdf(xml);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.leads[0].leadId).toBe(first.body.leads[0].leadId);
    const rows = await t.ctx.database.writer
      .selectFrom('lead_submissions')
      .select('id')
      .where('external_id', '=', 'CM-2001')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('takes a document a provider’s template broke, and keeps what was mended on the lead’s timeline', async () => {
    const broken = adfDocument([
      { id: 'MEND-1', first: 'Amy', last: 'Amp', email: 'amy.amp@example.com' },
    ]).replace('Is it still available?', 'Trade & finance?');
    const res = await postAdf(broken);
    expect(res.status).toBe(201);
    await t.ctx.settle();
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    const lead = await manager.get(`/api/leads/leads/${res.body.leads[0].leadId}`);
    expect(lead.body.message).toBe('Trade & finance?');
    const timeline = await manager.get(`/api/leads/leads/${res.body.leads[0].leadId}/timeline`);
    const created = timeline.body.items.find((e: { type: string }) => e.type === 'lead_created');
    expect(created.data.adfRepairs).toEqual([{ kind: 'bare-ampersand', detail: expect.any(String) }]);
    expect(created.summary).toContain('ADF repaired');
  });

  it('refuses what is not ADF, naming the element', async () => {
    const notAdf = await postAdf('<?xml version="1.0"?><lead><name>x</name></lead>');
    expect(notAdf.status).toBe(400);
    expect(notAdf.body.type).toBe('https://showroom.dev/problems/invalid-adf');
    expect(notAdf.body.invalidParams[0].name).toBe('adf');
    const malformed = await postAdf('<?adf version="1.0"?><adf><prospect><customer></adf>');
    expect(malformed.status).toBe(400);
    expect(malformed.body.invalidParams).toHaveLength(1);
    const noContact = await postAdf('<?adf version="1.0"?><adf><prospect><customer/></prospect></adf>');
    expect(noContact.status).toBe(400);
    expect(noContact.body.invalidParams[0].name).toMatch(/customer/);
  });

  it('refuses entity expansion and external entities quickly, reading no file', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE adf [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><adf><prospect><customer><contact><name part="full">&d;</name><email>x@example.com</email></contact></customer></prospect></adf>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE adf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><adf><prospect><customer><contact><name part="full">&xxe;</name><email>y@example.com</email></contact></customer></prospect></adf>`;
    for (const hostile of [laughs, xxe]) {
      const started = Date.now();
      const res = await postAdf(hostile);
      expect(res.status).toBe(400);
      expect(res.body.invalidParams[0].name).toBe('!DOCTYPE');
      expect(JSON.stringify(res.body)).not.toContain('root:');
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('refuses a huge document with 413 and a wrong media type with 415', async () => {
    const huge = adfDocument([{ first: 'H', last: 'Uge', email: 'h@example.com' }]).replace(
      'Is it still available?',
      'x'.repeat(600 * 1024),
    );
    expect((await postAdf(huge)).status).toBe(413);
    const json = await postAdf('{"adf":1}', 'application/json');
    expect(json.status).toBe(415);
  });

  it('wants the dealership’s current ingest key', async () => {
    const xml = adfDocument([{ first: 'K', last: 'Ey', email: 'key@example.com' }]);
    expect((await postAdf(xml, 'application/xml', 'srk_wrong')).status).toBe(401);
    expect(
      (await request(t.ctx.app).post('/api/leads/adf').set('Content-Type', 'application/xml').send(xml))
        .status,
    ).toBe(401);
    const owner = await asMember(t.ctx, t.dealer.team.owner, t.dealer);
    const rotated = await owner.post('/api/leads/settings/ingest-key');
    expect(rotated.status).toBe(201);
    expect((await postAdf(xml, 'application/xml', t.ingestKey)).status).toBe(401);
    expect((await postAdf(xml, 'application/xml', rotated.body.ingestKey)).status).toBe(201);
    t.ingestKey = rotated.body.ingestKey;
    const settings = await owner.get('/api/leads/settings');
    expect(settings.body.ingestKeyHint).toBe(`…${t.ingestKey.slice(-4)}`);
    expect(JSON.stringify(settings.body)).not.toContain(t.ingestKey);
  });

  it('takes ADF carried by an e-mail (raw RFC 822), as an attachment or in the body', async () => {
    const xml = adfDocument([{ id: 'MAIL-1', first: 'Eve', last: 'Email', email: 'eve@example.com' }]);
    const res = await postAdfEmail(t.ctx, t.ingestKey, await adfEmail(xml));
    expect(res.status).toBe(201);
    const manager = await asMember(t.ctx, t.dealer.team.manager, t.dealer);
    const lead = await manager.get(`/api/leads/leads/${res.body.leads[0].leadId}`);
    expect(lead.body).toMatchObject({ channel: 'email', source: 'CarMarket', shopper: { firstName: 'Eve' } });
    expect(lead.body.submissions[0].originalDocument).toContain('Subject: New lead');

    const plain = await new MailComposer({
      from: 'x@y.example',
      to: 'd@example.com',
      subject: 'Hello',
      text: 'no lead here',
    })
      .compile()
      .build();
    const none = await postAdfEmail(t.ctx, t.ingestKey, plain);
    expect(none.status).toBe(400);
    expect(none.body.invalidParams[0].name).toBe('message');
  });
});
