import { Mailer } from '@showroom/server-mail';
import type { Logger } from 'pino';

export interface SecurityMail {
  to: string;
  subject: string;
  /** Plain text only: nothing to escape, and links stay visible as what they are. */
  text: string;
}

/** Sends and never throws: a mail server that is down must not stop anyone signing in. */
export type SendSecurityMail = (mail: SecurityMail) => Promise<void>;

/**
 * Login alerts, lock-out notices and reset links, over the same SMTP transport the services use
 * (`SMTP_URL`: the sink in development, SES in production). Without an SMTP_URL they are logged
 * (recipient and subject only: bodies carry links that act for the account) and not sent.
 */
export function securityMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  logger: Logger;
}): SendSecurityMail {
  const { smtpUrl, from, logger } = options;
  const mailer = smtpUrl ? new Mailer(smtpUrl) : undefined;
  return async ({ to, subject, text }) => {
    if (!mailer) {
      logger.info({ to, subject }, 'security e-mail not sent: SMTP_URL is not set');
      return;
    }
    try {
      await mailer.send({ from, to, subject, text });
    } catch (err) {
      logger.warn({ err, to, subject }, 'could not send a security e-mail');
    }
  };
}
