import MailComposer from 'nodemailer/lib/mail-composer';
import request from 'supertest';
import type { LeadsTestContext } from './leads-test-app';

/** An ADF document as marketplaces send it, one <prospect> per shopper. */
export function adfDocument(
  prospects: Array<{ id?: string; first: string; last: string; email?: string; phone?: string }>,
) {
  const body = prospects
    .map(
      (p) => `
  <Prospect status="new">
    ${p.id ? `<id sequence="1" source="CarMarket">${p.id}</id>` : ''}
    <requestdate>2026-11-20T08:30:00-05:00</requestdate>
    <vehicle interest="buy" status="used">
      <year>2021</year><make>Honda</make><model>Accord</model><stock>U1234</stock>
      <price type="quote" currency="USD">24995</price>
    </vehicle>
    <customer>
      <contact>
        <name part="first">${p.first}</name><name part="last">${p.last}</name>
        ${p.email ? `<email>${p.email}</email>` : ''}
        ${p.phone ? `<phone type="voice">${p.phone}</phone>` : ''}
      </contact>
      <comments>Is it still available?</comments>
    </customer>
    <provider><name part="full">CarMarket</name></provider>
  </Prospect>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<?adf version="1.0"?>\n<ADF>${body}\n</ADF>\n`;
}

/** A marketplace's lead e-mail (raw RFC 822) with the ADF document attached as lead.xml. */
export function adfEmail(xml: string): Promise<Buffer> {
  return new MailComposer({
    from: 'leads@carmarket.example',
    to: 'dealer@example.com',
    subject: 'New lead',
    text: 'See attachment',
    attachments: [{ filename: 'lead.xml', content: xml, contentType: 'application/xml' }],
  })
    .compile()
    .build();
}

/** Posts a raw e-mail to the ADF e-mail intake with a dealership's ingest key. */
export function postAdfEmail(ctx: LeadsTestContext, ingestKey: string, raw: Buffer) {
  return request(ctx.app)
    .post('/api/leads/adf/email')
    .set('Content-Type', 'message/rfc822')
    .auth(ingestKey, { type: 'bearer' })
    .send(raw);
}
