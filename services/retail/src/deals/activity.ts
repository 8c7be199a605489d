import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DealActivity } from '@showroom/contracts';
import type { Principal } from '@showroom/server-kit';
import type { RetailDatabase } from '../database';
import { enqueueJob } from '../jobs/enqueue';
import { DealRepository } from './deal-repository';

/** Job kind: copy an entry of the deal's timeline onto its lead's timeline in the leads service. */
export const LEAD_ACTIVITY_JOB = 'lead-activity';

export const LeadActivityJobSchema = z.object({
  leadId: z.uuid(),
  actor: z.string(),
  text: z.string(),
});
export type LeadActivityJob = z.infer<typeof LeadActivityJobSchema>;

export interface ActivityEntry {
  /** A person's name, "Shopper" or "Showroom". */
  actor: string;
  kind: DealActivity['kind'];
  /** What happened, in words a salesperson reads; never personal or credit data. */
  text: string;
}

/**
 * Who is acting, by name, on a timeline (the deal's and the lead's): the member's name, else their
 * e-mail, else their user id. The one rule for every module that records what a member did.
 */
export const actorNameOf = (principal: Principal): string =>
  principal.name ?? principal.email ?? principal.userId;

/** Column widths of deal_activity (and the leads timeline's limits). */
const ACTOR_MAX = 120;
const TEXT_MAX = 500;

/**
 * Adds an entry to the deal's timeline in the caller's transaction. When the deal has become a lead,
 * the same entry is queued for the lead's timeline (job `lead-activity`), so whoever works the lead
 * sees it too; the job is written with the entry or not at all.
 */
export async function recordActivity(
  trx: Kysely<RetailDatabase> | Transaction<RetailDatabase>,
  dealershipId: string,
  dealId: string,
  entry: ActivityEntry,
): Promise<void> {
  const deals = new DealRepository(trx);
  const actor = clip(entry.actor, ACTOR_MAX);
  const text = clip(entry.text, TEXT_MAX);
  await deals.insertActivity(dealershipId, {
    deal_id: dealId,
    at: new Date(),
    actor,
    kind: entry.kind,
    text,
  });
  const deal = await deals.find(dealershipId, dealId);
  if (deal?.lead_id) {
    const payload: LeadActivityJob = { leadId: deal.lead_id, actor, text };
    await enqueueJob(trx, dealershipId, { kind: LEAD_ACTIVITY_JOB, payload });
  }
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
