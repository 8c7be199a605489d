import type { Mailer } from '@showroom/server-mail';
import { forDealership } from '@showroom/server-mysql';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { RetailDatabase } from '../database';
import type { JobHandlers, RetailJob } from '../jobs/job-runner';
import type { DealershipDirectory } from '../peers/dealership-directory';
import { SHOPPER_MAIL_JOB, ShopperMailSchema } from './shopper-mail';

/** The SMTP server did not take a message; says so without the addresses the server's own error names. */
export class ShopperMailNotSent extends Error {
  override name = 'ShopperMailNotSent';
  constructor(code: string | undefined) {
    super(`the SMTP server did not take the message${code ? ` (${code})` : ''}; tried again later`);
  }
}

export interface ShopperMailerDeps {
  db: Kysely<RetailDatabase>;
  mailer: Mailer;
  directory: DealershipDirectory;
  /** The envelope sender (MAIL_FROM); From shows the dealership's name with it. */
  mailFrom: string;
  logger: Logger;
}

/** Quotes a display name for a From header. */
const displayName = (name: string) => `"${name.replace(/["\\\r\n]/g, '')}"`;

/**
 * Sends the e-mails modules queue for a deal's shopper: to the address the deal has now, from the
 * dealership (its name, replies to its e-mail).
 */
export class ShopperMailer {
  constructor(private readonly deps: ShopperMailerDeps) {}

  readonly handlers: JobHandlers = {
    [SHOPPER_MAIL_JOB]: (job) => this.send(job),
  };

  async send(job: RetailJob): Promise<void> {
    const mail = ShopperMailSchema.parse(job.payload);
    const deal = await forDealership(this.deps.db, job.dealershipId)
      .selectFrom('deals')
      .select(['shopper_email'])
      .where('id', '=', mail.dealId)
      .executeTakeFirst();
    if (!deal) {
      this.deps.logger.warn(
        { jobId: job.id, dealId: mail.dealId },
        'shopper e-mail dropped: the deal is gone',
      );
      return;
    }
    const dealership = await this.deps.directory.storefront(job.dealershipId);
    if (!dealership) throw new Error(`dealership ${job.dealershipId} is not known to the users service`);
    try {
      await this.deps.mailer.send({
        from: `${displayName(dealership.name)} <${this.deps.mailFrom}>`,
        to: deal.shopper_email,
        ...(dealership.email ? { replyTo: dealership.email } : {}),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new ShopperMailNotSent(typeof code === 'string' ? code : undefined);
    }
  }
}
