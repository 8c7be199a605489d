import type {
  DealLeadInput,
  DealLeadReceipt,
  DealLeadSummary,
  LeadActivityInput,
  LeadAssignees,
} from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { CaptureService } from '../capture/capture-service';
import { shopperNameOf } from '../capture/lead-draft';
import type { NewLeadEvent } from '../outbox/events';
import { dealLeadDraft } from './deal-lead-draft';
import type { DealLeadRepository, LeadChange } from './deal-lead-repository';
import { dealChangeSummary } from './deal-text';

/**
 * What the retail service does with leads: a submitted deal becomes a lead (once per deal) whose
 * summary follows the deal, its events reach the lead's timeline, and it asks who works which lead.
 */
export class DealLeadService {
  constructor(
    private readonly deals: DealLeadRepository,
    private readonly capture: CaptureService,
    private readonly onCommitted: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The first call opens the deal's lead through capture, as any website lead (round-robin,
   * notifications, CRM forward), or attaches the deal to the shopper's open lead (the assignee is
   * told, and the deal is forwarded to the CRM as its own ADF prospect: see consumers/crm-prospect);
   * either way the CRM hears of the deal exactly once. Later calls bring the deal's summary up to
   * date with a timeline entry only: a countered or accepted deal is not forwarded to the CRM again.
   * Never a second lead for one deal.
   */
  async put(dealershipId: string, dealId: string, input: DealLeadInput): Promise<DealLeadReceipt> {
    if (input.deal.dealId.toLowerCase() !== dealId) {
      throw problems.validation([{ name: 'body.deal.dealId', reason: 'must be the deal named in the path' }]);
    }
    const known = await this.deals.find(dealershipId, dealId);
    if (!known) {
      const { results } = await this.capture.capture(dealershipId, [dealLeadDraft(input)]);
      const [result] = results;
      if (!result) throw new Error(`deal ${dealId} was captured without a result`);
      // A concurrent first call may have opened it meanwhile with an older summary: bring it up to date.
      await this.update(dealershipId, dealId, result.leadId, input.deal);
      return { leadId: result.leadId, assigneeId: await this.deals.assigneeOf(dealershipId, result.leadId) };
    }
    await this.update(dealershipId, dealId, known.leadId, input.deal);
    return { leadId: known.leadId, assigneeId: await this.deals.assigneeOf(dealershipId, known.leadId) };
  }

  private async update(dealershipId: string, dealId: string, leadId: string, next: DealLeadSummary) {
    const change: LeadChange = (lead, current) => {
      const summary = current && dealChangeSummary(current.deal, next);
      if (!summary) return [];
      return [dealEvent(lead, 'deal_updated', summary, { dealId, status: next.status })];
    };
    await this.deals.changeLead(dealershipId, leadId, this.clock(), change, { dealId, summary: next });
    this.onCommitted();
  }

  /** An entry on the lead's timeline; 404 for a lead the dealership does not have. */
  async addActivity(dealershipId: string, leadId: string, activity: LeadActivityInput): Promise<void> {
    const found = await this.deals.changeLead(dealershipId, leadId, this.clock(), (lead) => [
      dealEvent(lead, 'deal_activity', `${activity.actor}: ${activity.text}`, { actor: activity.actor }),
    ]);
    if (!found) throw problems.notFound(`Lead ${leadId}`);
    this.onCommitted();
  }

  async assignees(dealershipId: string, leadIds: readonly string[]): Promise<LeadAssignees> {
    const unique = [...new Set(leadIds.map((id) => id.toLowerCase()))];
    return { items: await this.deals.assignees(dealershipId, unique) };
  }
}

/** A timeline event of the online deal: no person acted in Showroom's portal, so no actor. */
function dealEvent(
  lead: Parameters<LeadChange>[0],
  type: 'deal_updated' | 'deal_activity',
  summary: string,
  data: Record<string, unknown>,
): NewLeadEvent {
  return {
    type,
    leadId: lead.id,
    actor: null,
    shopperName: shopperNameOf({ firstName: lead.first_name, lastName: lead.last_name }),
    assigneeId: lead.assignee_id,
    summary,
    data,
  };
}
