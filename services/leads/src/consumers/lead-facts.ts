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

/** The summary of the lead's latest online deal, when it came from one. */
export async function dealOfLead(
  db: Kysely<LeadsDatabase>,
  dealershipId: string,
  leadId: string,
): Promise<DealLeadSummary | null> {
  const row = await forDealership(db, dealershipId)
    .selectFrom('deal_leads')
    .select('summary')
    .where('lead_id', '=', leadId)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? DealLeadSummarySchema.parse(JSON.parse(row.summary)) : null;
}
