import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
import type { RetailDatabase, TradeInPhotoTable, TradeInTable } from '../database';

export type TradeInRow = Selectable<TradeInTable>;
export type TradeInPhotoRow = Selectable<TradeInPhotoTable>;

/** The trade's described and estimated columns, as a new or replacing trade writes them. */
export type TradeInColumns = Omit<
  Insertable<TradeInTable>,
  'dealership_id' | 'deal_id' | 'created_at' | 'updated_at'
>;

type Db = Kysely<RetailDatabase> | Transaction<RetailDatabase>;

/** The SQL of trade-ins (one per deal) and their photos, one dealership at a time. */
export class TradeInRepository {
  constructor(private readonly db: Db) {}

  forDeal(dealershipId: string, dealId: string): Promise<TradeInRow | undefined> {
    return forDealership(this.db, dealershipId)
      .selectFrom('trade_ins')
      .selectAll()
      .where('deal_id', '=', dealId)
      .executeTakeFirst();
  }

  /** The statuses of these deals' trades in one read (deals without a trade are absent). */
  async statusesForDeals(
    dealershipId: string,
    dealIds: readonly string[],
  ): Promise<Pick<TradeInRow, 'deal_id' | 'status'>[]> {
    if (dealIds.length === 0) return [];
    return forDealership(this.db, dealershipId)
      .selectFrom('trade_ins')
      .select(['deal_id', 'status'])
      .where('deal_id', 'in', [...dealIds])
      .execute();
  }

  /** The deal's trade, locked until the transaction ends (replacing, adding photos, appraising). */
  forDealForUpdate(dealershipId: string, dealId: string): Promise<TradeInRow | undefined> {
    return forDealership(this.db, dealershipId)
      .selectFrom('trade_ins')
      .selectAll()
      .where('deal_id', '=', dealId)
      .forUpdate()
      .executeTakeFirst();
  }

  /** The trade's photos in the order they were added. */
  photos(dealershipId: string, tradeInId: string): Promise<TradeInPhotoRow[]> {
    return forDealership(this.db, dealershipId)
      .selectFrom('trade_in_photos')
      .selectAll()
      .where('trade_in_id', '=', tradeInId)
      .orderBy('position')
      .execute();
  }

  photo(dealershipId: string, tradeInId: string, photoId: string): Promise<TradeInPhotoRow | undefined> {
    return forDealership(this.db, dealershipId)
      .selectFrom('trade_in_photos')
      .selectAll()
      .where('trade_in_id', '=', tradeInId)
      .where('id', '=', photoId)
      .executeTakeFirst();
  }

  async insert(dealershipId: string, dealId: string, trade: TradeInColumns): Promise<void> {
    await forDealership(this.db, dealershipId)
      .insertInto('trade_ins')
      .values({ ...trade, deal_id: dealId })
      .execute();
  }

  /** Replaces the described trade in place (its id, and so its photos' keys, stay). */
  async replace(dealershipId: string, tradeInId: string, trade: Omit<TradeInColumns, 'id'>): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('trade_ins')
      .set(trade)
      .where('id', '=', tradeInId)
      .execute();
  }

  async appraise(
    dealershipId: string,
    tradeInId: string,
    appraisal: { valueCents: number; note: string | null; at: Date; by: string },
  ): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('trade_ins')
      .set({
        appraisal_cents: appraisal.valueCents,
        appraisal_note: appraisal.note,
        appraised_at: appraisal.at,
        appraised_by: appraisal.by,
        status: 'appraised',
      })
      .where('id', '=', tradeInId)
      .execute();
  }

  async addPhotos(
    dealershipId: string,
    photos: ReadonlyArray<Omit<Insertable<TradeInPhotoTable>, 'dealership_id' | 'created_at'>>,
  ): Promise<void> {
    if (photos.length === 0) return;
    await forDealership(this.db, dealershipId)
      .insertInto('trade_in_photos')
      .values([...photos])
      .execute();
  }

  /** Forgets the trade's photos (their objects are the caller's to delete): the removed rows. */
  async removePhotos(dealershipId: string, tradeInId: string): Promise<TradeInPhotoRow[]> {
    const tenant = forDealership(this.db, dealershipId);
    const removed = await tenant
      .selectFrom('trade_in_photos')
      .selectAll()
      .where('trade_in_id', '=', tradeInId)
      .execute();
    await tenant.deleteFrom('trade_in_photos').where('trade_in_id', '=', tradeInId).execute();
    return removed;
  }
}
