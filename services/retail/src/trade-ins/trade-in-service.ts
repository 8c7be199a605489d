import type { Kysely, Transaction } from 'kysely';
import type { DealTradeIn } from '@showroom/contracts';
import type { RetailDatabase } from '../database';
import type { TradeInPhotoLinks } from './photo-links';
import { TradeInRepository } from './trade-in-repository';
import { tradeInView } from './trade-in-view';

export interface TradeInServiceDeps {
  db: Kysely<RetailDatabase>;
  photoLinks: TradeInPhotoLinks;
}

/**
 * A deal's trade-in as the deal views show it (the deals module's TradeInPart).
 *
 * The same view serves the shopper and the desk, so each photo's `url` is the shopper's short-lived
 * signed path (see TradeInPhotoLinks), which an `<img>` can load without the deal's access header;
 * the desk fetches photos by id from its own route with its token.
 */
export class TradeInService {
  constructor(private readonly deps: TradeInServiceDeps) {}

  forDeal(dealershipId: string, dealId: string): Promise<DealTradeIn | null> {
    return this.viewOf(this.deps.db, dealershipId, dealId);
  }

  /** The statuses of these deals' trades in one read, by deal id (the desk's list; no trade: absent). */
  async statusesFor(
    dealershipId: string,
    dealIds: readonly string[],
  ): Promise<Map<string, DealTradeIn['status']>> {
    const rows = await new TradeInRepository(this.deps.db).statusesForDeals(dealershipId, dealIds);
    return new Map(rows.map((row) => [row.deal_id, row.status]));
  }

  /** The deal's trade as `db` (a transaction that just changed it, say) sees it. */
  async viewOf(
    db: Kysely<RetailDatabase> | Transaction<RetailDatabase>,
    dealershipId: string,
    dealId: string,
  ): Promise<DealTradeIn | null> {
    const trades = new TradeInRepository(db);
    const row = await trades.forDeal(dealershipId, dealId);
    if (!row) return null;
    const photos = await trades.photos(dealershipId, row.id);
    return tradeInView(row, photos, (photo) =>
      this.deps.photoLinks.shopperPath({ dealershipId, dealId, photoId: photo.id }),
    );
  }
}
