import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { RetailDatabase } from '../database';
import { enqueueJob } from '../jobs/enqueue';

/** The job kind of an e-mail to a deal's shopper. */
export const SHOPPER_MAIL_JOB = 'shopper-mail';

/**
 * An e-mail to the shopper of a deal, rendered by the module that sends it. The address is not in
 * it: the job reads the deal's at send time. Never credit data (a job row is plain text).
 */
export const ShopperMailSchema = z.object({
  dealId: z.uuid(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1),
  html: z.string().min(1),
});
export type ShopperMail = z.infer<typeof ShopperMailSchema>;

/**
 * Queues an e-mail to the deal's shopper in the caller's transaction: it goes only if the change
 * commits. `dedupeKey` (e.g. `counter-offer:<dealId>:<version>`) makes a repeat a no-op.
 */
export function enqueueShopperMail(
  db: Kysely<RetailDatabase> | Transaction<RetailDatabase>,
  dealershipId: string,
  mail: ShopperMail,
  dedupeKey?: string,
): Promise<string | null> {
  return enqueueJob(db, dealershipId, {
    kind: SHOPPER_MAIL_JOB,
    payload: ShopperMailSchema.parse(mail),
    dedupeKey: dedupeKey === undefined ? undefined : `${SHOPPER_MAIL_JOB}:${dedupeKey}`,
  });
}
