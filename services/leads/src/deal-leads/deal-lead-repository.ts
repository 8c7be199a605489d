import { sql, type Kysely } from 'kysely';
import { DealLeadSummarySchema, type DealLeadSummary } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { LeadRow, LeadsDatabase } from '../database';
import type { NewLeadEvent } from '../outbox/events';
import { writeOutbox } from '../outbox/outbox-writer';

/** A deal's lead as the deal's later calls find it. */
export interface DealLead {
  leadId: string;
  deal: DealLeadSummary;
}

type LeadForEvent = Pick<LeadRow, 'id' | 'first_name' | 'last_name' | 'assignee_id'>;

/** The change a locked lead gets: the events to write; none leaves the lead untouched. */
export type LeadChange = (lead: LeadForEvent, deal: DealLead | undefined) => NewLeadEvent[];

const summaryOf = (json: string): DealLeadSummary => DealLeadSummarySchema.parse(JSON.parse(json));

/**
 * SQL for deals' leads: which lead a deal became, the deal's summary, and the timeline entries the
 * retail service adds to a lead. Every statement names the dealership.
 */
export class DealLeadRepository {
  constructor(private readonly db: Kysely<LeadsDatabase>) {}

  async find(dealershipId: string, dealId: string): Promise<DealLead | undefined> {
    const row = await forDealership(this.db, dealershipId)
      .selectFrom('deal_leads')
      .select(['lead_id', 'summary'])
      .where('deal_id', '=', dealId)
      .executeTakeFirst();
    return row && { leadId: row.lead_id, deal: summaryOf(row.summary) };
  }

  /** Who each of these leads is assigned to now; ids the dealership has no lead for are left out. */
  async assignees(
    dealershipId: string,
    leadIds: readonly string[],
  ): Promise<Array<{ leadId: string; assigneeId: string | null }>> {
    if (leadIds.length === 0) return [];
    const rows = await forDealership(this.db, dealershipId)
      .selectFrom('leads')
      .select(['id', 'assignee_id'])
      .where('id', 'in', [...leadIds])
      .execute();
    return rows.map((row) => ({ leadId: row.id, assigneeId: row.assignee_id }));
  }

  async assigneeOf(dealershipId: string, leadId: string): Promise<string | null> {
    const [found] = await this.assignees(dealershipId, [leadId]);
    return found?.assigneeId ?? null;
  }

  /**
   * Locks the lead (and the deal's row, when `dealId` names one), lets `change` say what to record,
   * and writes it: the deal's new summary when given, the lead moved up (its ETag changes), the
   * events in the outbox. False when the dealership has no such lead.
   */
  async changeLead(
    dealershipId: string,
    leadId: string,
    now: Date,
    change: LeadChange,
    deal?: { dealId: string; summary: DealLeadSummary },
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const tenant = forDealership(trx, dealershipId);
      const lead = await tenant
        .selectFrom('leads')
        .select(['id', 'first_name', 'last_name', 'assignee_id'])
        .where('id', '=', leadId)
        .forUpdate()
        .executeTakeFirst();
      if (!lead) return false;
      const current = deal
        ? await tenant
            .selectFrom('deal_leads')
            .select(['lead_id', 'summary'])
            .where('deal_id', '=', deal.dealId)
            .forUpdate()
            .executeTakeFirst()
        : undefined;
      const events = change(lead, current && { leadId: current.lead_id, deal: summaryOf(current.summary) });
      if (events.length === 0) return true;
      if (deal && current) {
        await tenant
          .updateTable('deal_leads')
          .set({ summary: JSON.stringify(deal.summary), updated_at: now })
          .where('deal_id', '=', deal.dealId)
          .execute();
      }
      await tenant
        .updateTable('leads')
        .set({ last_activity_at: now, updated_at: now, version: sql<number>`version + 1` })
        .where('id', '=', leadId)
        .execute();
      await writeOutbox(trx, dealershipId, now, events);
      return true;
    });
  }
}
