import type { Kysely } from 'kysely';
import { acrossDealerships } from '@showroom/server-mysql';
import type { RetailDatabase } from '../database';
import { recordActivity } from '../deals/activity';
import { queueDealLeadUpdate } from '../deals/deal-lead-updates';
import { DealRepository } from '../deals/deal-repository';
import type { CreditRepository } from './credit-repository';

export interface CreditRetentionDeps {
  db: Kysely<RetailDatabase>;
  repository: CreditRepository;
  clock: () => Date;
  /** Applications erased per statement batch. */
  batchSize?: number;
}

/**
 * Erases credit applications once their dealership's retention period is over: the sealed columns
 * are nulled (the metadata stays, so the deal still says one was received and when it was deleted),
 * `credit-application-deleted` is recorded on the deal and its lead, and the lead's deal summary is
 * brought up to date. Each application is erased and recorded in one transaction, exactly once
 * however many instances sweep.
 */
export class CreditRetention {
  private readonly batchSize: number;

  constructor(private readonly deps: CreditRetentionDeps) {
    this.batchSize = deps.batchSize ?? 100;
  }

  /**
   * Erases every application due now; the number erased. One that cannot be erased does not hold up
   * the others: the sweep goes on past it and fails at the end (the worker logs it; the next run
   * tries it again).
   */
  async sweep(): Promise<number> {
    let erased = 0;
    const failed = new Set<string>();
    let lastError: unknown;
    for (;;) {
      const now = this.deps.clock();
      let query = acrossDealerships(this.deps.db)
        .selectFrom('credit_applications')
        .select(['id', 'dealership_id', 'deal_id'])
        .where('deleted_at', 'is', null)
        .where('delete_after', '<=', now);
      if (failed.size > 0) query = query.where('id', 'not in', [...failed]);
      const due = await query.orderBy('delete_after').limit(this.batchSize).execute();
      for (const application of due) {
        try {
          if (await this.erase(application, now)) erased += 1;
        } catch (error) {
          failed.add(application.id);
          lastError = error;
        }
      }
      if (due.length < this.batchSize) break;
    }
    if (failed.size > 0) {
      throw new Error(`${failed.size} credit application(s) past retention could not be erased`, {
        cause: lastError,
      });
    }
    return erased;
  }

  private erase(
    application: { id: string; dealership_id: string; deal_id: string },
    now: Date,
  ): Promise<boolean> {
    const { id, dealership_id: dealershipId, deal_id: dealId } = application;
    return this.deps.db.transaction().execute(async (trx) => {
      // Another instance may have erased it since it was listed: then it has recorded it too.
      if (!(await this.deps.repository.erase(trx, dealershipId, id, now))) return false;
      await recordActivity(trx, dealershipId, dealId, {
        actor: 'Showroom',
        kind: 'credit-application-deleted',
        text: 'Credit application deleted at the end of the dealership’s retention period',
      });
      const deal = await new DealRepository(trx).find(dealershipId, dealId);
      if (deal) await queueDealLeadUpdate(trx, deal);
      return true;
    });
  }
}
