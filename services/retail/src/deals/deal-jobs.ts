import type { Kysely } from 'kysely';
import type { RetailDatabase } from '../database';
import type { JobHandlers, RetailJob } from '../jobs/job-runner';
import { LEAD_ACTIVITY_JOB, LeadActivityJobSchema } from './activity';
import { dealLeadInput } from './deal-lead-summary';
import { DEAL_LEAD_JOB, DealLeadJobSchema } from './deal-lead-updates';
import type { DealParts } from './deal-parts';
import type { DealLeads } from './deal-ports';
import { DealRepository } from './deal-repository';
import { offerView } from './deal-views';

export interface DealJobDeps {
  db: Kysely<RetailDatabase>;
  leads: DealLeads;
  parts: DealParts;
}

/**
 * The deal's work in the leads service, run from the retail outbox: the lead a submitted deal
 * becomes (opened once per deal by leads, updated afterwards), and the deal's timeline entries on
 * the lead's. Both are safe to run again.
 */
export class DealJobs {
  private readonly deals: DealRepository;

  constructor(private readonly deps: DealJobDeps) {
    this.deals = new DealRepository(deps.db);
  }

  readonly handlers: JobHandlers = {
    [DEAL_LEAD_JOB]: (job) => this.openOrUpdateLead(job),
    [LEAD_ACTIVITY_JOB]: (job) => this.copyActivity(job),
  };

  /**
   * Sends leads the deal as it is now (shopper, car, summary — never credit data) and remembers the
   * lead and its assignee on the deal.
   */
  private async openOrUpdateLead(job: RetailJob): Promise<void> {
    const { dealId } = DealLeadJobSchema.parse(job.payload);
    const deal = await this.deals.find(job.dealershipId, dealId);
    if (!deal || deal.status === 'draft') return;
    const [offer, parts] = await Promise.all([
      this.deals.offer(job.dealershipId, dealId, deal.offer_version),
      this.deps.parts.stored(job.dealershipId, dealId),
    ]);
    if (!offer) throw new Error(`deal ${dealId} has no offer ${deal.offer_version}`);
    const receipt = await this.deps.leads.openDealLead(
      job.dealershipId,
      dealId,
      dealLeadInput(deal, offerView(offer), parts),
    );
    await this.deals.setLead(job.dealershipId, dealId, receipt.leadId, receipt.assigneeId);
  }

  private async copyActivity(job: RetailJob): Promise<void> {
    const { leadId, actor, text } = LeadActivityJobSchema.parse(job.payload);
    await this.deps.leads.addActivity(job.dealershipId, leadId, { actor, text });
  }
}
