import type { Insertable, Kysely, Updateable } from 'kysely';
import { acrossDealerships, forDealership } from '@showroom/server-mysql';
import type { LeadSettingsTable, LeadsDatabase, SettingsRow } from '../database';

export type SettingsChanges = Omit<Updateable<LeadSettingsTable>, 'dealership_id' | 'created_at'>;

/** The SQL of `lead_settings`: a dealership's form origins, templates, sender and ingest key. */
export class SettingsRepository {
  constructor(private readonly db: Kysely<LeadsDatabase>) {}

  /** Inserts the row unless the dealership has one already. */
  async insertIfMissing({ dealership_id, ...row }: Insertable<LeadSettingsTable>): Promise<void> {
    await forDealership(this.db, dealership_id).insertInto('lead_settings').values(row).ignore().execute();
  }

  find(dealershipId: string): Promise<SettingsRow | undefined> {
    return forDealership(this.db, dealershipId).selectFrom('lead_settings').selectAll().executeTakeFirst();
  }

  /** False when the dealership has no settings row. */
  async update(dealershipId: string, changes: SettingsChanges): Promise<boolean> {
    const result = await forDealership(this.db, dealershipId)
      .updateTable('lead_settings')
      .set(changes)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * The origins a dealership's website posts from (those the dealer typed and those Showroom serves
   * its site on), or null when no dealership has this id.
   */
  async siteOriginsOf(dealershipId: string): Promise<string[] | null> {
    const row = await forDealership(this.db, dealershipId)
      .selectFrom('lead_settings')
      .select(['site_origins', 'website_origins'])
      .executeTakeFirst();
    if (!row) return null;
    return [
      ...new Set([
        ...(JSON.parse(row.site_origins) as string[]),
        ...(JSON.parse(row.website_origins) as string[]),
      ]),
    ];
  }

  /**
   * The dealership whose ingest key hashes to `hash`: the one lookup that is not scoped to a
   * dealership, because the key is what names it.
   */
  async dealershipOfKeyHash(hash: string): Promise<string | null> {
    const row = await acrossDealerships(this.db)
      .selectFrom('lead_settings')
      .select('dealership_id')
      .where('ingest_key_hash', '=', hash)
      .executeTakeFirst();
    return row?.dealership_id ?? null;
  }
}
