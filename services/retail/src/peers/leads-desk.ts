import {
  DealLeadReceiptSchema,
  LeadAssigneesSchema,
  type DealLeadInput,
  type DealLeadReceipt,
  type LeadActivityInput,
} from '@showroom/contracts';
import { sendToService, type ServiceTokens } from '@showroom/server-kit';
import { askPeer } from './peer-errors';

/** Leads answers the assignees of at most this many leads per call. */
const ASSIGNEES_PER_CALL = 100;

const dealershipPath = (dealershipId: string) =>
  `/api/leads/internal/dealerships/${encodeURIComponent(dealershipId)}`;

/** The leads service as retail needs it: the lead a deal becomes, its timeline, and who works it. */
export class LeadsDesk {
  constructor(
    private readonly leadsApiUrl: string,
    private readonly tokens: ServiceTokens,
  ) {}

  /** Opens the deal's lead the first time, brings its deal summary up to date afterwards (idempotent by deal). */
  openDealLead(dealershipId: string, dealId: string, input: DealLeadInput): Promise<DealLeadReceipt> {
    return askPeer('leads', () =>
      sendToService(
        this.leadsApiUrl,
        {
          method: 'PUT',
          path: `${dealershipPath(dealershipId)}/deal-leads/${encodeURIComponent(dealId)}`,
          body: input,
        },
        this.tokens,
        DealLeadReceiptSchema,
      ),
    );
  }

  /** An entry on the lead's timeline. */
  addActivity(dealershipId: string, leadId: string, activity: LeadActivityInput): Promise<void> {
    return askPeer('leads', () =>
      sendToService(
        this.leadsApiUrl,
        {
          method: 'POST',
          path: `${dealershipPath(dealershipId)}/leads/${encodeURIComponent(leadId)}/activities`,
          body: activity,
        },
        this.tokens,
      ),
    );
  }

  /** Who each lead is assigned to now (null: nobody); leads the dealership does not have are left out. */
  async assignees(dealershipId: string, leadIds: readonly string[]): Promise<Map<string, string | null>> {
    const unique = [...new Set(leadIds)];
    const assignees = new Map<string, string | null>();
    for (let start = 0; start < unique.length; start += ASSIGNEES_PER_CALL) {
      const answer = await askPeer('leads', () =>
        sendToService(
          this.leadsApiUrl,
          {
            method: 'POST',
            path: `${dealershipPath(dealershipId)}/lead-assignees`,
            body: { leadIds: unique.slice(start, start + ASSIGNEES_PER_CALL) },
          },
          this.tokens,
          LeadAssigneesSchema,
        ),
      );
      for (const item of answer.items) assignees.set(item.leadId, item.assigneeId);
    }
    return assignees;
  }
}
