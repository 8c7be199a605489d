import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { forDealership, isDuplicateKeyError } from '@showroom/server-mysql';
import type { ReservationTable, RetailDatabase } from '../database';

export type ReservationRow = Selectable<ReservationTable>;
export type ReservationChanges = Omit<
  Updateable<ReservationTable>,
  'id' | 'dealership_id' | 'deal_id' | 'created_at' | 'updated_at'
>;
type Db = Kysely<RetailDatabase> | Transaction<RetailDatabase>;

/**
 * The SQL of `reservations`: a deal keeps every reservation it had (none is ever deleted, they are
 * the record of its deposits); the latest is the deal's reservation.
 */
export class ReservationRepository {
  constructor(private readonly db: Db) {}

  /** The same statements inside `trx`. */
  within(trx: Transaction<RetailDatabase>): ReservationRepository {
    return new ReservationRepository(trx);
  }

  /** The deal's reservation: its latest (the ones before it ended, or were replaced). */
  forDeal(dealershipId: string, dealId: string): Promise<ReservationRow | undefined> {
    return this.latestOf(dealershipId, dealId).executeTakeFirst();
  }

  /** The latest reservation of each of `dealIds` that has one, in one read. */
  async forDeals(dealershipId: string, dealIds: readonly string[]): Promise<ReservationRow[]> {
    if (dealIds.length === 0) return [];
    const rows = await forDealership(this.db, dealershipId)
      .selectFrom('reservations')
      .selectAll()
      .where('deal_id', 'in', dealIds)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const latest = new Map<string, ReservationRow>();
    for (const row of rows) if (!latest.has(row.deal_id)) latest.set(row.deal_id, row);
    return [...latest.values()];
  }

  /** The deal's reservation, locked until the transaction ends (payment and release take turns). */
  forDealLocked(dealershipId: string, dealId: string): Promise<ReservationRow | undefined> {
    return this.latestOf(dealershipId, dealId).forUpdate().executeTakeFirst();
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
  /** The deal's reservations, latest first, as one row. */
  private latestOf(dealershipId: string, dealId: string) {
    return forDealership(this.db, dealershipId)
      .selectFrom('reservations')
      .selectAll()
      .where('deal_id', '=', dealId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1);
  }

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
