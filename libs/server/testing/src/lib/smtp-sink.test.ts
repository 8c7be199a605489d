import { createTransport, type Transporter } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startForTheseTests } from './for-these-tests';
import { SMTP_SINK_CAPACITY, startSmtpSink } from './smtp-sink';

/** A one-line mail from a@showroom.dev. */
const note = (transport: Transporter, subject: string, to = 'x@example.test') =>
  transport.sendMail({ from: 'a@showroom.dev', to, subject, text: '.' });

describe('startSmtpSink: an SMTP server that keeps what nodemailer sends', () => {
  const sink = startForTheseTests(() => startSmtpSink());
  const mailer = () => createTransport(sink.url);
  afterEach(() => sink.clear());

  it('listens on a free port of 127.0.0.1 and names itself as an SMTP URL', () => {
    expect(sink.port).toBeGreaterThan(0);
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
  });

  it('captures envelope, subject, text, HTML and attachments, newest last', async () => {
    await mailer().sendMail({
      from: 'Showroom leads <leads@showroom.dev>',
      to: 'sales@demo.showroom.dev',
      subject: 'First',
      text: 'plain only',
    });
    await mailer().sendMail({
      from: 'leads@showroom.dev',
      to: ['shopper@example.test', 'Other <other@example.test>'],
      bcc: 'audit@showroom.dev',
      subject: 'Thanks for your interest in the 2022 Honda Accord',
      text: 'We will call you today.',
      html: '<p>We will <b>call</b> you today.</p>',
      attachments: [{ filename: 'lead.xml', content: '<adf/>', contentType: 'application/xml' }],
    });

    const [first, second] = sink.messages();
    expect(sink.messages()).toHaveLength(2);
    expect(first).toMatchObject({ from: 'leads@showroom.dev', subject: 'First', html: null });
    expect(first?.text.trim()).toBe('plain only');
    expect(second?.to).toEqual(['shopper@example.test', 'other@example.test', 'audit@showroom.dev']);
    expect(second?.subject).toBe('Thanks for your interest in the 2022 Honda Accord');
    expect(second?.text.trim()).toBe('We will call you today.');
    expect(second?.html).toBe('<p>We will <b>call</b> you today.</p>');
    expect(second?.attachments).toEqual([
      { filename: 'lead.xml', contentType: 'application/xml', content: Buffer.from('<adf/>') },
    ]);
    expect(second?.raw.toString()).toContain('Subject: Thanks for your interest');
    expect(second?.receivedAt).toBeInstanceOf(Date);
    expect(new Set(sink.messages().map((m) => m.id)).size).toBe(2);
  });

  it('waitFor resolves with a mail already captured, or with the next one that matches', async () => {
    await note(mailer(), 'early', 'early@example.test');
    await expect(sink.waitFor((m) => m.to.includes('early@example.test'))).resolves.toMatchObject({
      subject: 'early',
    });

    const later = sink.waitFor((m) => m.subject === 'later', 3000);
    await note(mailer(), 'other');
    await note(mailer(), 'later', 'y@example.test');
    await expect(later).resolves.toMatchObject({ subject: 'later', to: ['y@example.test'] });
  });

  it('waitFor rejects after its timeout, saying what the sink holds', async () => {
    await note(mailer(), 'held');
    await expect(sink.waitFor((m) => m.subject === 'never', 200)).rejects.toThrow(
      /No matching mail within 200 ms; the sink holds 1: "held" to x@example.test/,
    );
  });

  it('clear empties the inbox', async () => {
    await note(mailer(), 'gone');
    sink.clear();
    expect(sink.messages()).toEqual([]);
  });

  it(`keeps only the last ${SMTP_SINK_CAPACITY} mails`, async () => {
    const pooled = createTransport({ url: sink.url, pool: true, maxConnections: 4, maxMessages: Infinity });
    try {
      // Five first, one after another; then a full inbox's worth at once, in whatever order they land.
      for (let i = 0; i < 5; i++) await note(pooled, `n${i}`);
      await Promise.all(Array.from({ length: SMTP_SINK_CAPACITY }, (_, i) => note(pooled, `n${i + 5}`)));
    } finally {
      pooled.close();
    }
    const subjects = sink.messages().map((m) => m.subject);
    expect(subjects).toHaveLength(SMTP_SINK_CAPACITY);
    expect(new Set(subjects)).toEqual(
      new Set(Array.from({ length: SMTP_SINK_CAPACITY }, (_, i) => `n${i + 5}`)),
    );
  }, 60_000);
});

describe('an SMTP outage: the sink closed, then started again on the same port', () => {
  it('refuses mail while closed and accepts it again after the restart', async () => {
    const first = await startSmtpSink();
    const transport = createTransport(first.url);
    try {
      await note(transport, 'before');
      expect(first.messages()).toHaveLength(1);

      await first.close();
      await expect(note(transport, 'during')).rejects.toMatchObject({ code: 'ESOCKET' });

      const second = await startSmtpSink({ port: first.port });
      try {
        expect(second.url).toBe(first.url);
        await note(transport, 'after');
        expect(second.messages().map((m) => m.subject)).toEqual(['after']);
      } finally {
        await second.close();
      }
    } finally {
      transport.close();
    }
  });

  it('drops a connection that is open when it closes, and closing twice is harmless', async () => {
    const sink = await startSmtpSink();
    const pooled = createTransport({ url: sink.url, pool: true });
    try {
      await note(pooled, 'pooled');
      const started = Date.now();
      await sink.close();
      await sink.close();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      pooled.close();
    }
  });
});
