import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '@showroom/server-testing';
import { Mailer } from './mailer';

describe('mailer', () => {
  let sink: SmtpSink;
  let mailer: Mailer;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = new Mailer(sink.url);
  });
  afterAll(async () => {
    mailer.close();
    await sink.close();
  });

  it('sends a message with its sender, reply-to, text and html to the SMTP server it is given', async () => {
    const id = await mailer.send({
      from: '"Demo Motors" <deals@showroom.test>',
      to: 'shopper@example.test',
      replyTo: 'hello@demo.example',
      subject: 'Your deal',
      text: 'Plain words',
      html: '<p>Plain words</p>',
    });
    const mail = await sink.waitFor((m) => m.subject === 'Your deal');
    expect(id).toMatch(/@/);
    expect(mail.from).toBe('deals@showroom.test');
    expect(mail.to).toEqual(['shopper@example.test']);
    expect(mail.text.trim()).toBe('Plain words');
    expect(mail.html).toContain('<p>Plain words</p>');
    expect(mail.raw.toString()).toMatch(/^Reply-To: hello@demo\.example/im);
  });

  it('fails the send when the server is away, so the caller can try again later', async () => {
    const away = new Mailer('smtp://127.0.0.1:1');
    await expect(away.send({ from: 'a@b.test', to: 'c@d.test', subject: 's', text: 't' })).rejects.toThrow();
    away.close();
  });
});
