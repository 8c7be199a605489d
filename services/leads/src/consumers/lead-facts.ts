import type { Kysely } from 'kysely';
import { DealLeadSummarySchema, type DealLeadSummary } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { LeadRow, LeadsDatabase, SettingsRow } from '../database';

/** The lead and its dealership's settings as they are now, for a consumer acting on an event. */
export async function leadFacts(
  db: Kysely<LeadsDatabase>,
  dealershipId: string,
  leadId: string,
): Promise<{ lead: LeadRow; settings: SettingsRow } | undefined> {
  const tenant = forDealership(db, dealershipId);
  const [lead, settings] = await Promise.all([
    tenant.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirst(),
    tenant.selectFrom('lead_settings').selectAll().executeTakeFirst(),
  ]);
  return lead && settings ? { lead, settings } : undefined;
}

/** The summary of an online deal as the lead carries it now; null when no lead took that deal. */
export async function dealSummaryOf(
  db: Kysely<LeadsDatabase>,
  dealershipId: string,
  dealId: string,
): Promise<DealLeadSummary | null> {
  const row = await forDealership(db, dealershipId)
    .selectFrom('deal_leads')
    .select('summary')
    .where('deal_id', '=', dealId)
    .executeTakeFirst();
  return row ? DealLeadSummarySchema.parse(JSON.parse(row.summary)) : null;
}
