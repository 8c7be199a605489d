import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { forDealership, isDuplicateKeyError } from '@showroom/server-mysql';
import type { CreditApplicationTable, RetailDatabase } from '../database';

export type CreditApplicationRow = Selectable<CreditApplicationTable>;

/** The columns a summary is made of: status and dates, never the sealed ones. */
const SUMMARY_COLUMNS = [
  'id',
  'deal_id',
  'applicants',
  'consent_version',
  'submitted_at',
  'delete_after',
  'deleted_at',
] as const satisfies readonly (keyof CreditApplicationTable)[];

export type CreditSummaryRow = Pick<CreditApplicationRow, (typeof SUMMARY_COLUMNS)[number]>;

/** The sealed application as stored: nothing here is readable without the key provider. */
export interface SealedColumns {
  key_id: string;
  encrypted_data_key: Buffer;
  iv: Buffer;
  auth_tag: Buffer;
  ciphertext: Buffer;
}

/** A new application: its metadata (nothing personal) and its sealed contents. */
export type NewCreditApplication = Omit<
  Insertable<CreditApplicationTable>,
  'dealership_id' | 'deleted_at' | keyof SealedColumns
> &
  SealedColumns;

type Db = Kysely<RetailDatabase> | Transaction<RetailDatabase>;

/**
 * The SQL of credit applications, one dealership at a time. Only sealed columns and metadata are
 * written; the clear application never reaches this module.
 */
export class CreditRepository {
  constructor(private readonly db: Kysely<RetailDatabase>) {}

  /**
   * The summary columns of the deal's application, if one was ever submitted (also after retention
   * erased it). Every read that only reports a status uses this: the sealed columns stay unread.
   */
  async summaryForDeal(dealershipId: string, dealId: string): Promise<CreditSummaryRow | undefined> {
    return forDealership(this.db, dealershipId)
      .selectFrom('credit_applications')
      .select(SUMMARY_COLUMNS)
      .where('deal_id', '=', dealId)
      .executeTakeFirst();
  }

  /** The summary columns of the applications of these deals, in one read (deals without one are absent). */
  async summariesForDeals(dealershipId: string, dealIds: readonly string[]): Promise<CreditSummaryRow[]> {
    if (dealIds.length === 0) return [];
    return forDealership(this.db, dealershipId)
      .selectFrom('credit_applications')
      .select(SUMMARY_COLUMNS)
      .where('deal_id', 'in', [...dealIds])
      .execute();
  }

  /** The whole application with its sealed columns: only for opening it (the desk's view). */
  async sealedForDeal(dealershipId: string, dealId: string): Promise<CreditApplicationRow | undefined> {
    return forDealership(this.db, dealershipId)
      .selectFrom('credit_applications')
      .selectAll()
      .where('deal_id', '=', dealId)
      .executeTakeFirst();
  }

  /** Stores the application, or answers `exists` when the deal already has one (one per deal). */
  async insert(
    trx: Db,
    dealershipId: string,
    application: NewCreditApplication,
  ): Promise<'inserted' | 'exists'> {
    try {
      await forDealership(trx, dealershipId).insertInto('credit_applications').values(application).execute();
      return 'inserted';
    } catch (error) {
      if (isDuplicateKeyError(error, 'deal_id')) return 'exists';
      throw error;
    }
  }

  /**
   * Erases the sealed columns of an application that is still held (retention): true when this call
   * erased it, false when it was already erased.
   */
  async erase(trx: Db, dealershipId: string, applicationId: string, at: Date): Promise<boolean> {
    const result = await forDealership(trx, dealershipId)
      .updateTable('credit_applications')
      .set({
        key_id: null,
        encrypted_data_key: null,
        iv: null,
        auth_tag: null,
        ciphertext: null,
        deleted_at: at,
      })
      .where('id', '=', applicationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
