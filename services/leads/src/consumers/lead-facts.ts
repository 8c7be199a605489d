import type { Kysely } from 'kysely';
import type { LeadRow, LeadsDatabase, SettingsRow } from '../database';

/** The lead and its dealership's settings as they are now, for a consumer acting on an event. */
export async function leadFacts(
  db: Kysely<LeadsDatabase>,
  dealershipId: string,
  leadId: string,
): Promise<{ lead: LeadRow; settings: SettingsRow } | undefined> {
  const [lead, settings] = await Promise.all([
    db
      .selectFrom('leads')
      .selectAll()
      .where('dealership_id', '=', dealershipId)
      .where('id', '=', leadId)
      .executeTakeFirst(),
    db.selectFrom('lead_settings').selectAll().where('dealership_id', '=', dealershipId).executeTakeFirst(),
  ]);
  return lead && settings ? { lead, settings } : undefined;
}
