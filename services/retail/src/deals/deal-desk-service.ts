import type { Kysely } from 'kysely';
import type { CounterOfferInput, DealDesk, DealList, DealStatus } from '@showroom/contracts';
import { problems, type Tenant } from '@showroom/server-kit';
import type { RetailDatabase } from '../database';
import { actorNameOf, recordActivity } from './activity';
import { seesAllDeals, seesShopperContact, type DealAccess } from './deal-access';
import { decodeDealCursor, encodeDealCursor } from './deal-cursor';
import { counterOfferMail, paymentLine } from './deal-mail-text';
import type { DealMail } from './deal-mail';
import { queueDealLeadUpdate } from './deal-lead-updates';
import type { DealParts } from './deal-parts';
import type { TermsSource } from './deal-ports';
import { quoteOffer } from './deal-quotes';
import type { OfferTerms } from './offer-terms';
import { DealRepository, type DealRow } from './deal-repository';
import { deskView, structureOf, summaryView, vehicleOf } from './deal-views';
import type { SignedLinks } from './signed-links';

export interface DealDeskServiceDeps {
  db: Kysely<RetailDatabase>;
  access: DealAccess;
  terms: TermsSource;
  parts: DealParts;
  mail: DealMail;
  links: SignedLinks;
  offerTerms: OfferTerms;
}

export interface DealListRequest {
  status?: DealStatus;
  cursor?: string;
  limit: number;
}

/** Deal statuses the dealership can answer with a counter-offer. */
const COUNTERABLE: readonly DealStatus[] = ['submitted', 'countered'];

/**
 * The deal desk: the dealership's deals (a salesperson's own leads' only), one deal with all its
 * parts, and the counter-offer that answers a shopper's deal.
 */
export class DealDeskService {
  private readonly deals: DealRepository;

  constructor(private readonly deps: DealDeskServiceDeps) {
    this.deals = new DealRepository(deps.db);
  }

  /** Most recently changed first, by cursor. */
  async list(tenant: Tenant, request: DealListRequest): Promise<DealList> {
    const { dealershipId, principal } = tenant;
    const known = seesAllDeals(tenant)
      ? new Map<string, string | null>()
      : await this.deps.access.refreshRecentAssignees(dealershipId);
    const rows = await this.deals.list(dealershipId, {
      status: request.status,
      assigneeId: seesAllDeals(tenant) ? undefined : principal.userId,
      after: request.cursor ? decodeDealCursor(request.cursor) : undefined,
      limit: request.limit,
    });
    const page = rows.slice(0, request.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > request.limit && last
        ? encodeDealCursor({ updatedAt: last.updated_at, id: last.id })
        : null;
    const visible = await this.deps.access.stillTheirs(tenant, principal, page, known);
    const [latest, parts] = await Promise.all([
      this.deals.latestOffers(dealershipId, visible),
      this.deps.parts.summariesOf(
        dealershipId,
        visible.map((deal) => deal.id),
      ),
    ]);
    const items = visible.map((deal) => {
      const offer = latest.get(deal.id);
      const statuses = parts.get(deal.id);
      if (!offer || !statuses) throw new Error(`deal ${deal.id} has no offer ${deal.offer_version}`);
      return summaryView(deal, offer, statuses, seesShopperContact(tenant));
    });
    return { items, nextCursor };
  }

  async detail(tenant: Tenant, dealId: string): Promise<DealDesk> {
    return this.deskOf(tenant, await this.deps.access.require(tenant, tenant.principal, dealId));
  }

  /**
   * The dealership's answer: a new offer with the desk's structure and adjustments, quoted on the
   * server, made only on the version of the deal the salesperson last read (If-Match). The shopper
   * is e-mailed a signed link to the deal, the lead's summary is brought up to date.
   */
  async counterOffer(
    tenant: Tenant,
    dealId: string,
    expectedVersion: number,
    input: CounterOfferInput,
  ): Promise<DealDesk> {
    const { dealershipId } = tenant;
    const deal = requireCounterable(
      await this.deps.access.require(tenant, tenant.principal, dealId),
      expectedVersion,
    );
    const latest = await this.deals.offer(dealershipId, dealId, deal.offer_version);
    if (!latest) throw new Error(`deal ${dealId} has no offer ${deal.offer_version}`);
    const [terms, tradeIn, dealership] = await Promise.all([
      this.deps.offerTerms.of(dealershipId, structureOf(latest)),
      this.deps.parts.tradeOf(dealershipId, dealId),
      this.deps.mail.dealershipOf(dealershipId),
    ]);
    const quote = quoteOffer({
      vehicle: vehicleOf(deal),
      structure: input.structure,
      tradeIn,
      terms,
      adjustments: input.adjustments,
    });
    const author = actorNameOf(tenant.principal);
    await this.deps.db.transaction().execute(async (trx) => {
      const deals = new DealRepository(trx);
      const locked = await deals.findForUpdate(dealershipId, dealId);
      if (!locked) throw problems.notFound(`Deal ${dealId}`);
      requireCounterable(locked, expectedVersion);
      const version = locked.offer_version + 1;
      await deals.addOffer(dealershipId, dealId, {
        version,
        by: 'dealer',
        structure: JSON.stringify(input.structure),
        adjustments: JSON.stringify(input.adjustments),
        quote: JSON.stringify(quote),
        message: input.message || null,
        author_id: tenant.principal.userId,
        author_name: author,
        accepted_at: null,
      });
      await deals.update(
        dealershipId,
        dealId,
        { status: 'countered', kind: input.structure.kind, offer_version: version },
        expectedVersion,
      );
      await recordActivity(trx, dealershipId, dealId, {
        actor: author,
        kind: 'countered',
        text: `Sent an offer. ${paymentLine(quote)}`,
      });
      await queueDealLeadUpdate(trx, { ...locked, status: 'countered' });
      const link = dealership.siteUrl
        ? this.deps.links.linkTo(dealership.siteUrl, dealershipId, dealId, version)
        : null;
      await this.deps.mail.queue(
        trx,
        dealershipId,
        dealId,
        counterOfferMail({
          dealershipName: dealership.name,
          shopperFirstName: locked.shopper_first_name,
          vehicle: vehicleOf(locked),
          quote,
          message: input.message || null,
          link: link?.url ?? null,
          linkExpiresAt: link?.expiresAt ?? null,
        }),
        `counter-offer:${dealId}:${version}`,
      );
    });
    const updated = await this.deals.find(dealershipId, dealId);
    if (!updated) throw problems.notFound(`Deal ${dealId}`);
    return this.deskOf(tenant, { ...updated, assignee_id: updated.assignee_id ?? deal.assignee_id });
  }

  private async deskOf(tenant: Tenant, deal: DealRow): Promise<DealDesk> {
    const [offers, activity, parts, terms] = await Promise.all([
      this.deals.offers(deal.dealership_id, deal.id),
      this.deals.activity(deal.dealership_id, deal.id),
      this.deps.parts.of(deal.dealership_id, deal.id),
      this.deps.terms.of(deal.dealership_id),
    ]);
    return deskView({ deal, offers, activity, parts, terms, withContact: seesShopperContact(tenant) });
  }
}

/** A deal the dealership can answer now, at the version the caller read; 412 or 409 otherwise. */
function requireCounterable(deal: DealRow, expectedVersion: number): DealRow {
  if (deal.version !== expectedVersion) {
    throw problems.preconditionFailed(
      `The deal has changed since you read it (now version ${deal.version}); reload it and counter again.`,
    );
  }
  if (!COUNTERABLE.includes(deal.status)) {
    throw problems.conflict(
      deal.status === 'draft'
        ? 'The shopper has not sent this deal yet; it can be answered once they submit it.'
        : `The deal is ${deal.status}; it can no longer be countered.`,
    );
  }
  return deal;
}
