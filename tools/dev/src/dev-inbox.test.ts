import express from 'express';
import { createTransport, type Transporter } from 'nodemailer';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '@showroom/server-testing';
import { devInboxRoutes } from './dev-inbox';

describe('the developer inbox at /dev/mail', () => {
  let sink: SmtpSink;
  let transport: Transporter;
  const app = express();

  beforeAll(async () => {
    sink = await startSmtpSink();
    transport = createTransport(sink.url);
    app.use(devInboxRoutes(sink));
  });
  beforeEach(() => sink.clear());
  afterAll(async () => {
    transport.close();
    await sink.close();
  });

  const send = (subject: string, extra: Record<string, unknown> = {}) =>
    transport.sendMail({
      from: 'leads@showroom.dev',
      to: 'sales@demo.showroom.dev',
      subject,
      text: '.',
      ...extra,
    });

  it('lists mail newest first with time, from, to and subject, each linking to the message', async () => {
    await send('First lead');
    await send('Second lead');

    const res = await request(app).get('/dev/mail');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text.indexOf('Second lead')).toBeLessThan(res.text.indexOf('First lead'));
    expect(res.text).toContain('leads@showroom.dev');
    expect(res.text).toContain('sales@demo.showroom.dev');
    expect(res.text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    const [newest] = sink.messages().reverse();
    expect(res.text).toContain(`href="/dev/mail/${newest?.id}"`);
  });

  it('says so when there is no mail', async () => {
    expect((await request(app).get('/dev/mail')).text).toContain('No mail yet.');
  });

  it('escapes what a sender controls in the list and the message page', async () => {
    await send('<script>alert(1)</script> & "quotes"', { text: '<img src=x onerror=alert(2)>' });
    const [mail] = sink.messages();

    const list = await request(app).get('/dev/mail');
    expect(list.text).not.toContain('<script>alert(1)');
    expect(list.text).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quotes&#34;');

    const page = await request(app).get(`/dev/mail/${mail?.id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('<pre>&#60;img src=x onerror=alert(2)&#62;');
  });

  it('shows an HTML body only inside a sandboxed iframe, as escaped srcdoc', async () => {
    await send('Rich', { html: '<p onclick="steal()">Hello <b>there</b></p><script>steal()</script>' });
    const [mail] = sink.messages();

    const page = await request(app).get(`/dev/mail/${mail?.id}`);
    const frame = /<iframe sandbox title="HTML body" srcdoc="([^"]*)"><\/iframe>/.exec(page.text);
    expect(frame).not.toBeNull();
    expect(frame?.[1]).toBe(
      '&#60;p onclick=&#34;steal()&#34;&#62;Hello &#60;b&#62;there&#60;/b&#62;&#60;/p&#62;&#60;script&#62;steal()&#60;/script&#62;',
    );
    expect(page.text).not.toContain('<script>steal()');
  });

  it('offers attachments as downloads and the raw message as text', async () => {
    await send('With ADF', {
      attachments: [{ filename: 'lead.xml', content: '<adf/>', contentType: 'text/html' }],
    });
    const [mail] = sink.messages();

    const download = await request(app).get(`/dev/mail/${mail?.id}/attachments/0`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="?lead\.xml"?$/);
    expect(download.body.toString()).toBe('<adf/>');

    const raw = await request(app).get(`/dev/mail/${mail?.id}/raw`);
    expect(raw.headers['content-type']).toContain('text/plain');
    expect(raw.text).toContain('Subject: With ADF');

    expect((await request(app).get(`/dev/mail/${mail?.id}/attachments/1`)).status).toBe(404);
  });

  it('serves JSON for tests and QA, newest first, filtered by recipient', async () => {
    await send('To sales');
    await transport.sendMail({
      from: 'leads@showroom.dev',
      to: 'Shopper@Example.test',
      subject: 'To shopper',
      text: 'Thanks',
      html: '<p>Thanks</p>',
    });

    const all = await request(app).get('/dev/mail.json');
    expect(all.status).toBe(200);
    expect(all.body.items.map((m: { subject: string }) => m.subject)).toEqual(['To shopper', 'To sales']);
    expect(all.body.items[0]).toMatchObject({
      from: 'leads@showroom.dev',
      to: ['Shopper@example.test'],
      html: '<p>Thanks</p>',
      attachments: [],
    });
    expect(new Date(all.body.items[0].receivedAt).toISOString()).toBe(all.body.items[0].receivedAt);

    const filtered = await request(app).get('/dev/mail.json').query({ to: 'shopper@example.test' });
    expect(filtered.body.items.map((m: { subject: string }) => m.subject)).toEqual(['To shopper']);

    const bad = await request(app).get('/dev/mail.json').query({ subject: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 404 problem+json for a mail it does not have, and DELETE empties the inbox', async () => {
    await send('Gone soon');
    const unknown = await request(app).get('/dev/mail/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await request(app).get('/dev/mail/not-an-id')).status).toBe(404);

    expect((await request(app).delete('/dev/mail')).status).toBe(204);
    expect(sink.messages()).toEqual([]);
  });
});
