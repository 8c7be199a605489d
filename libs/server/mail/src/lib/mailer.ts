import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/**
 * Sends over SMTP: the sink in dev and tests, SES's SMTP endpoint in production. A send fails fast
 * while the server is away; callers send from an outbox that tries again later.
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(smtpUrl: string) {
    const url = new URL(smtpUrl);
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      // Fail fast while the server is away; the outbox retries later.
      connectionTimeout: 3000,
      greetingTimeout: 3000,
      socketTimeout: 10_000,
    });
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transport.sendMail(mail);
    return String(info.messageId);
  }

  close(): void {
    this.transport.close();
  }
}
