import { sql, type Kysely } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import type { UsersDatabase, WebsiteTable } from '../database';
import { defaultWebsite, type DealershipRow, type WebsiteRow } from './website-row';

export type WebsiteChanges = Partial<
  Pick<
    WebsiteTable,
    | 'tagline'
    | 'email'
    | 'hours'
    | 'brand_colour'
    | 'accent_colour'
    | 'logo_key'
    | 'logo_width'
    | 'logo_height'
    | 'logo_hash'
    | 'custom_domains'
  >
>;

export type DealershipChanges = Partial<
  Pick<DealershipRow, 'phone' | 'street' | 'city' | 'region' | 'postal_code' | 'country'>
>;

export interface DealershipWithGroup extends DealershipRow {
  group_name: string | null;
}

/**
 * SQL for a dealership's website. Functions take the database or a transaction, so a change, its
 * version bump and its provisioning request commit together.
 */
export const websiteRepository = {
  /** `dealerships` is the register of tenants itself: its rows are found by their own id. */
  async findDealership(db: Kysely<UsersDatabase>, dealershipId: string): Promise<DealershipWithGroup | null> {
    const row = await db
      .selectFrom('dealerships as d')
      .leftJoin('dealer_groups as g', 'g.id', 'd.dealer_group_id')
      .selectAll('d')
      .select('g.name as group_name')
      .where('d.id', '=', dealershipId)
      .executeTakeFirst();
    return row ?? null;
  },

  /** Creates the dealership's website with the defaults when it has none yet; true when it did. */
  async ensureWebsite(db: Kysely<UsersDatabase>, dealershipId: string): Promise<boolean> {
    const { dealership_id: _, ...defaults } = defaultWebsite(dealershipId);
    const result = await forDealership(db, dealershipId)
      .insertInto('websites')
      .values(defaults)
      .ignore()
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** `lock` (inside a transaction): holds the row until commit, so two saves of one version cannot both win. */
  async findWebsite(
    db: Kysely<UsersDatabase>,
    dealershipId: string,
    lock = false,
  ): Promise<WebsiteRow | null> {
    const query = forDealership(db, dealershipId).selectFrom('websites').selectAll();
    const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
    return row ?? null;
  },

  /** Applies `changes` and bumps the version; answers the new version. */
  async saveWebsite(
    db: Kysely<UsersDatabase>,
    dealershipId: string,
    changes: WebsiteChanges,
    dealership: DealershipChanges = {},
  ): Promise<number> {
    if (Object.keys(dealership).length > 0) {
      await db.updateTable('dealerships').set(dealership).where('id', '=', dealershipId).execute();
    }
    await forDealership(db, dealershipId)
      .updateTable('websites')
      .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
      .execute();
    const row = await forDealership(db, dealershipId)
      .selectFrom('websites')
      .select('version')
      .executeTakeFirstOrThrow();
    return row.version;
  },
};
