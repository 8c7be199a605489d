import { roleHasPermission } from '@showroom/contracts';
import { problems, type Principal, type Tenant } from '@showroom/server-kit';
import type { DealRepository, DealRow } from './deal-repository';

/** Who a lead is assigned to, as the leads service answers it now (P's `LeadsDesk.assignees`). */
export interface LeadAssigneeSource {
  assignees(dealershipId: string, leadIds: string[]): Promise<Map<string, string | null>>;
}

/** How many of the latest deals a salesperson's list checks with leads first (leads answers 100 per call). */
const RECENT_DEALS_CHECKED = 500;

/** Every deal of the dealership (deals:read-all), or only those of one's own leads (salespeople). */
export const seesAllDeals = (tenant: Tenant): boolean => roleHasPermission(tenant.role, 'deals:read-all');

/** Whether the caller may see the shopper's e-mail and phone: those who work deals; viewers do not. */
export const seesShopperContact = (tenant: Tenant): boolean => roleHasPermission(tenant.role, 'deals:work');

/**
 * Which deals a member of the dealership may open at the desk. Another dealership's deal and, for a
 * salesperson, a deal whose lead is not assigned to them answer the same 404. The assignee is asked
 * of leads (a lead can be reassigned there at any time) and remembered on the deal, so the desk's
 * list can filter on it.
 */
export class DealAccess {
  constructor(
    private readonly deals: Pick<DealRepository, 'find' | 'setAssignees' | 'recentLeads'>,
    private readonly leads: LeadAssigneeSource,
  ) {}

  async require(tenant: Tenant, principal: Principal, dealId: string): Promise<DealRow> {
    const deal = await this.deals.find(tenant.dealershipId, dealId);
    if (!deal) throw notFound(dealId);
    if (seesAllDeals(tenant)) return deal;
    if (!deal.lead_id) throw notFound(dealId);
    const assignees = await this.remember(tenant.dealershipId, [
      { lead_id: deal.lead_id, assignee_id: deal.assignee_id },
    ]);
    if (assignees.get(deal.lead_id) !== principal.userId) throw notFound(dealId);
    return { ...deal, assignee_id: principal.userId };
  }

  /**
   * Brings the remembered assignees of the dealership's most recently changed deals up to date
   * before a salesperson's list is filtered on them, so a lead given to them in leads shows in their
   * list at once. (An older deal's lead is checked when it is opened, from the lead page's link.)
   * Answers every lead it asked about with its assignee now (null: no one, or no longer a lead).
   */
  async refreshRecentAssignees(dealershipId: string): Promise<Map<string, string | null>> {
    const recent = await this.deals.recentLeads(dealershipId, RECENT_DEALS_CHECKED);
    if (recent.length === 0) return new Map();
    return this.remember(dealershipId, recent);
  }

  /**
   * Of these deals (a page of a salesperson's list, filtered on the remembered assignee), those whose
   * lead is still theirs. `known`: assignees leads has just answered (the refresh before the list),
   * so only the page's other leads are asked again; the remembered assignees follow on the way.
   */
  async stillTheirs(
    tenant: Tenant,
    principal: Principal,
    deals: DealRow[],
    known: ReadonlyMap<string, string | null> = new Map(),
  ): Promise<DealRow[]> {
    if (seesAllDeals(tenant)) return deals;
    const withLead = deals.filter((deal): deal is DealRow & { lead_id: string } => deal.lead_id !== null);
    const unknown = withLead.filter((deal) => !known.has(deal.lead_id));
    const asked = unknown.length > 0 ? await this.remember(tenant.dealershipId, unknown) : new Map();
    const assigneeOf = (leadId: string) => (known.has(leadId) ? known.get(leadId) : asked.get(leadId));
    return withLead.filter((deal) => assigneeOf(deal.lead_id) === principal.userId);
  }

  /**
   * Asks leads who holds these deals' leads now and remembers the changed ones on the deals (one
   * statement). Every lead asked is answered: one leads does not know is assigned to no one.
   */
  private async remember(
    dealershipId: string,
    deals: ReadonlyArray<{ lead_id: string; assignee_id: string | null }>,
  ): Promise<Map<string, string | null>> {
    const leadIds = [...new Set(deals.map((deal) => deal.lead_id))];
    const answered = await this.leads.assignees(dealershipId, leadIds);
    const changed = new Map(
      deals
        .filter((deal) => answered.has(deal.lead_id) && answered.get(deal.lead_id) !== deal.assignee_id)
        .map((deal) => [deal.lead_id, answered.get(deal.lead_id) ?? null]),
    );
    if (changed.size > 0) await this.deals.setAssignees(dealershipId, changed);
    return new Map(leadIds.map((leadId) => [leadId, answered.get(leadId) ?? null]));
  }
}

const notFound = (dealId: string) => problems.notFound(`Deal ${dealId}`);
