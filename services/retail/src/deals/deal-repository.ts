import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DealStatus } from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import type { DealActivityTable, DealOfferTable, DealTable, RetailDatabase } from '../database';

export type DealRow = Selectable<DealTable>;
export type DealOfferRow = Selectable<DealOfferTable>;
export type DealActivityRow = Selectable<DealActivityTable>;

export type NewDeal = Omit<Insertable<DealTable>, 'dealership_id'>;
export type NewOffer = Omit<Insertable<DealOfferTable>, 'dealership_id' | 'deal_id'>;

type RetailDb = Kysely<RetailDatabase> | Transaction<RetailDatabase>;

/** Where the desk's list continues: after the deal last shown (newest change first). */
export interface DealListPosition {
  updatedAt: Date;
  id: string;
}

export interface DealListFilter {
  status?: DealStatus;
  /** Salespeople: only deals whose lead is (as last known) assigned to this user. */
  assigneeId?: string;
  after?: DealListPosition;
  limit: number;
}

/**
 * The SQL of deals, their offers and their activity. Every statement is scoped to one dealership
 * by `forDealership`. Built on a `Kysely` or on a `Transaction` (`new DealRepository(trx)`), so a
 * change and the jobs it causes are written together.
 */
export class DealRepository {
  constructor(private readonly db: RetailDb) {}

  /** The deal, or null when there is none of that id at this dealership. */
  async find(dealershipId: string, dealId: string): Promise<DealRow | null> {
    const row = await forDealership(this.db, dealershipId)
      .selectFrom('deals')
      .selectAll()
      .where('id', '=', dealId)
      .executeTakeFirst();
    return row ?? null;
  }

  /** The deal, locked for the rest of the transaction (changes to one deal happen one at a time). */
  async findForUpdate(dealershipId: string, dealId: string): Promise<DealRow | null> {
    const row = await forDealership(this.db, dealershipId)
      .selectFrom('deals')
      .selectAll()
      .where('id', '=', dealId)
      .forUpdate()
      .executeTakeFirst();
    return row ?? null;
  }

  /** The deal started with this Idempotency-Key (its sha256), locked for the rest of the transaction. */
  async findByStartKeyForUpdate(dealershipId: string, startKeyHash: string): Promise<DealRow | null> {
    const row = await forDealership(this.db, dealershipId)
      .selectFrom('deals')
      .selectAll()
      .where('start_key_hash', '=', startKeyHash)
      .forUpdate()
      .executeTakeFirst();
    return row ?? null;
  }

  /** A start request answered again: the deal's access token is replaced (not a change of the deal). */
  async replaceAccessToken(dealershipId: string, dealId: string, accessTokenHash: string): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('deals')
      .set({ access_token_hash: accessTokenHash })
      .where('id', '=', dealId)
      .execute();
  }

  /** The deal's Idempotency-Key has expired: the key may start another deal. */
  async forgetStartKey(dealershipId: string, dealId: string): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('deals')
      .set({ start_key_hash: null, start_body_hash: null })
      .where('id', '=', dealId)
      .execute();
  }

  async insert(dealershipId: string, deal: NewDeal, firstOffer: NewOffer): Promise<void> {
    const tenant = forDealership(this.db, dealershipId);
    await tenant.insertInto('deals').values(deal).execute();
    await tenant
      .insertInto('deal_offers')
      .values({ ...firstOffer, deal_id: deal.id })
      .execute();
  }

  async addOffer(dealershipId: string, dealId: string, offer: NewOffer): Promise<void> {
    await forDealership(this.db, dealershipId)
      .insertInto('deal_offers')
      .values({ ...offer, deal_id: dealId })
      .execute();
  }

  /** Replaces the structure and quote of an offer the shopper has not sent yet (a draft's). */
  async reviseOffer(
    dealershipId: string,
    dealId: string,
    version: number,
    change: Pick<DealOfferRow, 'structure' | 'quote'>,
  ): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('deal_offers')
      .set(change)
      .where('deal_id', '=', dealId)
      .where('version', '=', version)
      .execute();
  }

  async markOfferAccepted(dealershipId: string, dealId: string, version: number, at: Date): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('deal_offers')
      .set({ accepted_at: at })
      .where('deal_id', '=', dealId)
      .where('version', '=', version)
      .execute();
  }

  /**
   * Changes the deal and bumps its version. With `expectedVersion`, only when the deal is still at
   * that version: false when someone changed it in between.
   */
  async update(
    dealershipId: string,
    dealId: string,
    change: Partial<Pick<DealRow, 'kind' | 'status' | 'offer_version' | 'submitted_at' | 'accepted_at'>>,
    expectedVersion?: number,
  ): Promise<boolean> {
    let statement = forDealership(this.db, dealershipId)
      .updateTable('deals')
      .set((eb) => ({ ...change, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', dealId);
    if (expectedVersion !== undefined) statement = statement.where('version', '=', expectedVersion);
    const result = await statement.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The lead the deal became and who it is assigned to (not a change of the deal: no new version). */
  async setLead(
    dealershipId: string,
    dealId: string,
    leadId: string,
    assigneeId: string | null,
  ): Promise<void> {
    await forDealership(this.db, dealershipId)
      .updateTable('deals')
      .set({ lead_id: leadId, assignee_id: assigneeId })
      .where('id', '=', dealId)
      .execute();
  }

  /**
   * Remembers the leads' assignees as leads answered them now, on the deals of these leads: one
   * statement (`case lead_id when … then … end`) on the `(dealership_id, lead_id)` index.
   */
  async setAssignees(dealershipId: string, assignees: Map<string, string | null>): Promise<void> {
    if (assignees.size === 0) return;
    const cases = sql.join(
      [...assignees].map(([leadId, assigneeId]) => sql`when ${leadId} then ${assigneeId}`),
      sql` `,
    );
    await forDealership(this.db, dealershipId)
      .updateTable('deals')
      .set({ assignee_id: sql<string | null>`case lead_id ${cases} end` })
      .where('lead_id', 'in', [...assignees.keys()])
      .execute();
  }

  /** The leads of the dealership's most recently changed deals that have one, with their remembered assignee. */
  async recentLeads(
    dealershipId: string,
    limit: number,
  ): Promise<{ lead_id: string; assignee_id: string | null }[]> {
    const rows = await forDealership(this.db, dealershipId)
      .selectFrom('deals')
      .select(['lead_id', 'assignee_id'])
      .where('lead_id', 'is not', null)
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ lead_id: row.lead_id as string, assignee_id: row.assignee_id }));
  }

  async offers(dealershipId: string, dealId: string): Promise<DealOfferRow[]> {
    return forDealership(this.db, dealershipId)
      .selectFrom('deal_offers')
      .selectAll()
      .where('deal_id', '=', dealId)
      .orderBy('version')
      .execute();
  }

  async offer(dealershipId: string, dealId: string, version: number): Promise<DealOfferRow | null> {
    const row = await forDealership(this.db, dealershipId)
      .selectFrom('deal_offers')
      .selectAll()
      .where('deal_id', '=', dealId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ?? null;
  }

  /** The latest offers of these deals (each deal's offer at its offer_version), by deal id. */
  async latestOffers(dealershipId: string, deals: DealRow[]): Promise<Map<string, DealOfferRow>> {
    if (deals.length === 0) return new Map();
    const rows = await forDealership(this.db, dealershipId)
      .selectFrom('deal_offers')
      .selectAll()
      .where((eb) =>
        eb.or(
          deals.map((deal) => eb.and([eb('deal_id', '=', deal.id), eb('version', '=', deal.offer_version)])),
        ),
      )
      .execute();
    return new Map(rows.map((row) => [row.deal_id, row]));
  }

  async insertActivity(
    dealershipId: string,
    entry: Omit<Insertable<DealActivityTable>, 'dealership_id' | 'id'>,
  ): Promise<void> {
    await forDealership(this.db, dealershipId).insertInto('deal_activity').values(entry).execute();
  }

  /** The deal's timeline, oldest first. */
  async activity(dealershipId: string, dealId: string): Promise<DealActivityRow[]> {
    return forDealership(this.db, dealershipId)
      .selectFrom('deal_activity')
      .selectAll()
      .where('deal_id', '=', dealId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  /** A page of the dealership's deals, most recently changed first; one more than `limit` tells there is more. */
  async list(dealershipId: string, filter: DealListFilter): Promise<DealRow[]> {
    let query = forDealership(this.db, dealershipId).selectFrom('deals').selectAll();
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.assigneeId !== undefined) query = query.where('assignee_id', '=', filter.assigneeId);
    const after = filter.after;
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('updated_at', '<', after.updatedAt),
          eb.and([eb('updated_at', '=', after.updatedAt), eb('id', '<', after.id)]),
        ]),
      );
    }
    return query
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }
}
