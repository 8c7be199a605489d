import { randomUUID } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface CapturedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One message as the sink received it. */
export interface CapturedMail {
  id: string;
  /** The envelope sender (MAIL FROM), a bare address. */
  from: string;
  /** The envelope recipients (RCPT TO), bare addresses: To, Cc and Bcc alike. */
  to: string[];
  subject: string;
  text: string;
  /** Null when the message has no HTML part. */
  html: string | null;
  attachments: CapturedAttachment[];
  receivedAt: Date;
  /** The message exactly as sent (RFC 5322). */
  raw: Buffer;
}

export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:<port>`, what a nodemailer transport (or SMTP_URL) takes. */
  url: string;
  /** Captured mails, oldest first (newest last); at most the last {@link SMTP_SINK_CAPACITY}. */
  messages(): CapturedMail[];
  /** The first captured mail (already there or yet to come) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  clear(): void;
  /** Stops listening and drops open connections at once, as an outage would; start again on `port`. */
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
}

export const SMTP_SINK_CAPACITY = 500;
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function capture(raw: Buffer, session: SMTPServerSession): Promise<CapturedMail> {
  const parsed = await simpleParser(raw);
  const { mailFrom, rcptTo } = session.envelope;
  return {
    id: randomUUID(),
    from: mailFrom ? mailFrom.address : '',
    to: rcptTo.map((recipient) => recipient.address),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? 'attachment',
      contentType: attachment.contentType,
      content: attachment.content,
    })),
    receivedAt: new Date(),
    raw,
  };
}

interface Waiter {
  predicate: (mail: CapturedMail) => boolean;
  resolve: (mail: CapturedMail) => void;
}

/**
 * An SMTP server on 127.0.0.1 that accepts every message (no TLS, no authentication needed) and
 * keeps it, parsed, for tests and the developer inbox. Nothing is delivered anywhere.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  let mails: CapturedMail[] = [];
  const waiters = new Set<Waiter>();
  const sockets = new Set<Socket>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Showroom SMTP sink: nothing is delivered',
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) throw Object.assign(new Error('Message too large'), { responseCode: 552 });
          const mail = await capture(raw, session);
          mails.push(mail);
          if (mails.length > SMTP_SINK_CAPACITY) mails = mails.slice(-SMTP_SINK_CAPACITY);
          for (const waiter of waiters) {
            if (waiter.predicate(mail)) {
              waiters.delete(waiter);
              waiter.resolve(mail);
            }
          }
        })
        .then(
          () => callback(),
          (error: Error) => callback(error),
        );
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages: () => [...mails],
    // Generous: mail goes out from background consumers, which a busy two-core CI machine can hold up for seconds.
    waitFor(predicate, timeoutMs = 15_000) {
      const already = mails.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise<CapturedMail>((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = mails.map((mail) => `"${mail.subject}" to ${mail.to.join(', ')}`);
          reject(
            new Error(
              `No matching mail within ${timeoutMs} ms; the sink holds ${mails.length}${seen.length ? `: ${seen.slice(-10).join('; ')}` : ''}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear() {
      mails = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.server.listening) return resolve();
        server.server.once('close', () => resolve());
        server.close();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
