import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { RetailDatabase } from '../database';
import { enqueueJob } from '../jobs/enqueue';
import type { DealRow } from './deal-repository';

/** Job kind: open the submitted deal's lead in leads, or bring the deal summary on it up to date. */
export const DEAL_LEAD_JOB = 'deal-lead';

/**
 * The job names the deal only: the handler sends the deal as it is when the job runs, so a job
 * retried hours later does not send the summary of its day. Two runners can still finish two
 * updates of one deal in the other order (each read the deal at a different moment); the next
 * change of the deal sends the current summary again.
 */
export const DealLeadJobSchema = z.object({ dealId: z.uuid() });
export type DealLeadJob = z.infer<typeof DealLeadJobSchema>;

/**
 * Queues the lead's update in the caller's transaction, for a deal the shopper has submitted (a
 * draft has no lead yet). Trade-ins, credit applications and reservations call it too, so the
 * lead's deal summary follows them.
 */
export async function queueDealLeadUpdate(
  trx: Kysely<RetailDatabase> | Transaction<RetailDatabase>,
  deal: Pick<DealRow, 'id' | 'dealership_id' | 'status'>,
): Promise<void> {
  if (deal.status === 'draft') return;
  const payload: DealLeadJob = { dealId: deal.id };
  await enqueueJob(trx, deal.dealership_id, { kind: DEAL_LEAD_JOB, payload });
}
