import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { forDealership } from '@showroom/server-mysql';
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
