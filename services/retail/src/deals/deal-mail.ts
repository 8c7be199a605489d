import type { Kysely, Transaction } from 'kysely';
import type { RetailDatabase } from '../database';
import { enqueueShopperMail } from '../mail/shopper-mail';
import type { DealMailText } from './deal-mail-text';
import type { StorefrontSource } from './deal-ports';

/** What an e-mail says of the dealership: its name, and the website deal links point to. */
export interface MailingDealership {
  name: string;
  siteUrl: string | null;
}

/**
 * Shopper e-mails of deals: the dealership's facts are looked up before the change's transaction
 * (an HTTP call has no place in it); the rendered mail is queued in it, so it goes only if the
 * change commits, once per `dedupeKey`.
 */
export class DealMail {
  constructor(private readonly directory: StorefrontSource) {}

  async dealershipOf(dealershipId: string): Promise<MailingDealership> {
    const storefront = await this.directory.storefront(dealershipId);
    return { name: storefront?.name ?? 'The dealership', siteUrl: storefront?.siteUrl ?? null };
  }

  async queue(
    trx: Kysely<RetailDatabase> | Transaction<RetailDatabase>,
    dealershipId: string,
    dealId: string,
    mail: DealMailText,
    dedupeKey: string,
  ): Promise<void> {
    await enqueueShopperMail(trx, dealershipId, { dealId, ...mail }, dedupeKey);
  }
}
