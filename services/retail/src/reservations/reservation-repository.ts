import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { forDealership, isDuplicateKeyError } from '@showroom/server-mysql';
import type { ReservationTable, RetailDatabase } from '../database';

export type ReservationRow = Selectable<ReservationTable>;
export type ReservationChanges = Omit<
  Updateable<ReservationTable>,
  'id' | 'dealership_id' | 'deal_id' | 'created_at' | 'updated_at'
>;
type Db = Kysely<RetailDatabase> | Transaction<RetailDatabase>;

/** The SQL of `reservations`: at most one per deal (a new checkout reuses the deal's row). */
export class ReservationRepository {
  constructor(private readonly db: Db) {}

  /** The same statements inside `trx`. */
  within(trx: Transaction<RetailDatabase>): ReservationRepository {
    return new ReservationRepository(trx);
  }

  forDeal(dealershipId: string, dealId: string): Promise<ReservationRow | undefined> {
    return forDealership(this.db, dealershipId)
      .selectFrom('reservations')
      .selectAll()
      .where('deal_id', '=', dealId)
      .executeTakeFirst();
  }

  /** The reservations of `dealIds`, in one read. */
  forDeals(dealershipId: string, dealIds: readonly string[]): Promise<ReservationRow[]> {
    if (dealIds.length === 0) return Promise.resolve([]);
    return forDealership(this.db, dealershipId)
      .selectFrom('reservations')
      .selectAll()
      .where('deal_id', 'in', dealIds)
      .execute();
  }

  /** The deal's reservation, locked until the transaction ends (payment and release take turns). */
  forDealLocked(dealershipId: string, dealId: string): Promise<ReservationRow | undefined> {
    return forDealership(this.db, dealershipId)
      .selectFrom('reservations')
      .selectAll()
      .where('deal_id', '=', dealId)
      .forUpdate()
      .executeTakeFirst();
  }

  find(dealershipId: string, reservationId: string): Promise<ReservationRow | undefined> {
    return forDealership(this.db, dealershipId)
      .selectFrom('reservations')
      .selectAll()
      .where('id', '=', reservationId)
      .executeTakeFirst();
  }

  /** The reservation, locked until the transaction ends. */
  findLocked(dealershipId: string, reservationId: string): Promise<ReservationRow | undefined> {
    return forDealership(this.db, dealershipId)
      .selectFrom('reservations')
      .selectAll()
      .where('id', '=', reservationId)
      .forUpdate()
      .executeTakeFirst();
  }

  /** Makes room for a new reservation of the deal (the deal keeps one; its timeline keeps the story). */
  async remove(dealershipId: string, reservationId: string): Promise<void> {
    await forDealership(this.db, dealershipId)
      .deleteFrom('reservations')
      .where('id', '=', reservationId)
      .execute();
  }

  /** Records a provider event as handled; false when it was already (webhooks come at least once). */
  async recordEvent(dealershipId: string, eventId: string): Promise<boolean> {
    try {
      await forDealership(this.db, dealershipId)
        .insertInto('payment_events')
        .values({ id: eventId })
        .execute();
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async insert(row: Omit<ReservationRow, 'created_at' | 'updated_at'>): Promise<void> {
    const { dealership_id: dealershipId, ...rest } = row;
    await forDealership(this.db, dealershipId).insertInto('reservations').values(rest).execute();
  }

  /** Changes the reservation only while it is in one of `fromStatuses`; false when it was not. */
  async update(
    dealershipId: string,
    reservationId: string,
    fromStatuses: readonly ReservationRow['status'][],
    changes: ReservationChanges,
  ): Promise<boolean> {
    const result = await forDealership(this.db, dealershipId)
      .updateTable('reservations')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', reservationId)
      .where('status', 'in', fromStatuses)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
