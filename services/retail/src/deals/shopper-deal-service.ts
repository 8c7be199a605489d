import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  NO_ADJUSTMENTS,
  type DealStarted,
  type DealStructure,
  type Offer,
  type RetailTerms,
  type ShopperDeal,
  type StartDealInput,
} from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import { isDuplicateKeyError } from '@showroom/server-mysql';
import { formatCents } from '@showroom/retail-payments';
import { queueAnalyticsEvent } from '../analytics/analytics-events';
import type { RetailDatabase } from '../database';
import { newAccessToken } from './access-tokens';
import { recordActivity } from './activity';
import { dealSubmittedEvent, dealSubmittedKey } from './deal-analytics';
import { acceptedMail, dealReceivedMail, vehicleName } from './deal-mail-text';
import type { DealMail } from './deal-mail';
import { queueDealLeadUpdate } from './deal-lead-updates';
import type { DealParts } from './deal-parts';
import type { TermsSource, VehicleSource } from './deal-ports';
import { quoteIfPossible, quoteOffer } from './deal-quotes';
import { DealRepository, type DealRow } from './deal-repository';
import { offerView, shopperDealView, structureOf, vehicleOf } from './deal-views';
import type { OfferTerms } from './offer-terms';
import type { ShopperAccess } from './shopper-access';
import { START_KEY_HOURS, type StartKey } from './start-keys';

export interface ShopperDealServiceDeps {
  db: Kysely<RetailDatabase>;
  access: ShopperAccess;
  vehicles: VehicleSource;
  terms: TermsSource;
  parts: DealParts;
  mail: DealMail;
  offerTerms: OfferTerms;
  clock?: () => Date;
}

/** A started deal, and whether it was started by an earlier request with the same start key. */
export interface StartedDeal {
  started: DealStarted;
  again: boolean;
}

/** The actor the deal's timeline names for the shopper. */
const SHOPPER = 'Shopper';

/** A deal's structure in words, for its timeline. */
export function structureText(structure: DealStructure): string {
  const down = `${formatCents(structure.downPaymentCents)} down`;
  if (structure.kind === 'cash') return `cash, ${down}`;
  return `${structure.kind}, ${structure.termMonths} months, ${down}`;
}

/**
 * A shopper's deal, worked out on the dealership's website: start it (the car's price from
 * inventory, the quote from the dealership's terms), change it while it is a draft, send it to the
 * dealership, and accept the dealership's answer. Every step but the start needs the deal's access
 * token or an e-mailed link (ShopperAccess); the server computes every figure.
 */
export class ShopperDealService {
  private readonly deals: DealRepository;
  private readonly clock: () => Date;

  constructor(private readonly deps: ShopperDealServiceDeps) {
    this.deals = new DealRepository(deps.db);
    this.clock = deps.clock ?? (() => new Date());
  }

  /**
   * Starts the deal. With a start key (the request's Idempotency-Key), the same key and form from
   * this dealership within a day answer the deal they started, with a new access token (the token is
   * never stored, so the first cannot be given again; it stops opening the deal); the same key with
   * another form is a 409.
   */
  async start(
    dealershipId: string,
    input: StartDealInput,
    startKey: StartKey | null = null,
  ): Promise<StartedDeal> {
    if (startKey) {
      const again = await this.startedBefore(dealershipId, startKey);
      if (again) return again;
    }
    try {
      return { started: await this.startNew(dealershipId, input, startKey), again: false };
    } catch (error) {
      // The same key sent twice at once: the other request stored its deal first.
      if (!startKey || !isDuplicateKeyError(error, 'deals_start_key')) throw error;
      const again = await this.startedBefore(dealershipId, startKey);
      if (!again) throw error;
      return again;
    }
  }

  private async startNew(
    dealershipId: string,
    input: StartDealInput,
    startKey: StartKey | null,
  ): Promise<DealStarted> {
    const vehicle = await this.deps.vehicles.forSale(dealershipId, input.vehicleId);
    if (!vehicle) throw problems.notFound(`Vehicle ${input.vehicleId} for sale at this dealership`);
    const terms = await this.deps.terms.of(dealershipId);
    const quote = quoteOffer({ vehicle, structure: input.structure, tradeIn: null, terms });
    const id = randomUUID();
    const { token, hash } = newAccessToken();
    await this.deps.db.transaction().execute(async (trx) => {
      await new DealRepository(trx).insert(
        dealershipId,
        {
          id,
          vehicle_id: vehicle.vehicleId,
          vehicle: JSON.stringify(vehicle),
          kind: input.structure.kind,
          status: 'draft',
          shopper_first_name: input.shopper.firstName,
          shopper_last_name: input.shopper.lastName,
          shopper_email: input.shopper.email,
          shopper_phone: input.shopper.phone ?? null,
          access_token_hash: hash,
          start_key_hash: startKey?.keyHash ?? null,
          start_body_hash: startKey?.bodyHash ?? null,
          lead_id: null,
          assignee_id: null,
          offer_version: 1,
          version: 1,
          submitted_at: null,
          accepted_at: null,
        },
        {
          version: 1,
          by: 'shopper',
          structure: JSON.stringify(input.structure),
          adjustments: JSON.stringify(NO_ADJUSTMENTS),
          quote: JSON.stringify(quote),
          message: null,
          author_id: null,
          author_name: null,
          accepted_at: null,
        },
      );
      await recordActivity(trx, dealershipId, id, {
        actor: SHOPPER,
        kind: 'started',
        text: `Started a deal for the ${vehicleName(vehicle)}: ${structureText(input.structure)}.`,
      });
    });
    return { deal: await this.viewOf(await this.existing(dealershipId, id)), accessToken: token };
  }

  /**
   * The deal this start key started within the last day, answered again with a new access token;
   * null when there is none (an older one's key is forgotten, so it may start a new deal).
   */
  private async startedBefore(dealershipId: string, startKey: StartKey): Promise<StartedDeal | null> {
    const { token, hash } = newAccessToken();
    const since = new Date(this.clock().getTime() - START_KEY_HOURS * 3_600_000);
    const dealId = await this.deps.db.transaction().execute(async (trx) => {
      const deals = new DealRepository(trx);
      const deal = await deals.findByStartKeyForUpdate(dealershipId, startKey.keyHash);
      if (!deal) return null;
      if (deal.created_at < since) {
        await deals.forgetStartKey(dealershipId, deal.id);
        return null;
      }
      if (deal.start_body_hash !== startKey.bodyHash) {
        throw problems.conflict(
          'This Idempotency-Key already started a deal with other details; send a new key for a new deal.',
          [{ name: 'headers.idempotency-key', reason: 'was used for another deal' }],
        );
      }
      await deals.replaceAccessToken(dealershipId, deal.id, hash);
      return deal.id;
    });
    if (!dealId) return null;
    const deal = await this.viewOf(await this.existing(dealershipId, dealId));
    return { started: { deal, accessToken: token }, again: true };
  }

  /**
   * What a bot that filled the hidden field is told: a deal like a real one (the same vehicle
   * lookup and quote), stored nowhere, so nothing in the answer gives the trap away.
   */
  async startForBot(dealershipId: string, input: StartDealInput): Promise<DealStarted> {
    const vehicle = await this.deps.vehicles.forSale(dealershipId, input.vehicleId);
    if (!vehicle) throw problems.notFound(`Vehicle ${input.vehicleId} for sale at this dealership`);
    const terms = await this.deps.terms.of(dealershipId);
    const now = this.clock().toISOString();
    const offer: Offer = {
      version: 1,
      by: 'shopper',
      structure: input.structure,
      adjustments: NO_ADJUSTMENTS,
      quote: quoteOffer({ vehicle, structure: input.structure, tradeIn: null, terms }),
      message: null,
      author: null,
      createdAt: now,
      acceptedAt: null,
    };
    return {
      deal: {
        id: randomUUID(),
        dealershipId,
        status: 'draft',
        vehicle,
        shopperFirstName: input.shopper.firstName,
        offer,
        tradeIn: null,
        creditApplication: null,
        reservation: null,
        submittedAt: null,
        updatedAt: now,
      },
      accessToken: newAccessToken().token,
    };
  }

  async view(dealershipId: string, dealId: string, accessHeader: string | undefined): Promise<ShopperDeal> {
    return this.viewOf(await this.deps.access.require(dealershipId, dealId, accessHeader));
  }

  /** A draft's new structure, quoted again with the current terms and trade. */
  async changeStructure(
    dealershipId: string,
    dealId: string,
    accessHeader: string | undefined,
    structure: DealStructure,
  ): Promise<ShopperDeal> {
    const deal = await this.deps.access.require(dealershipId, dealId, accessHeader);
    requireDraft(deal);
    const [terms, tradeIn] = await Promise.all([
      this.termsCarrying(deal),
      this.deps.parts.tradeOf(dealershipId, dealId),
    ]);
    const quote = quoteOffer({ vehicle: vehicleOf(deal), structure, tradeIn, terms });
    await this.deps.db.transaction().execute(async (trx) => {
      const deals = new DealRepository(trx);
      const locked = requireDraft(await deals.findForUpdate(dealershipId, dealId));
      await deals.reviseOffer(dealershipId, dealId, locked.offer_version, {
        structure: JSON.stringify(structure),
        quote: JSON.stringify(quote),
      });
      await deals.update(dealershipId, dealId, { kind: structure.kind });
      await recordActivity(trx, dealershipId, dealId, {
        actor: SHOPPER,
        kind: 'structure-changed',
        text: `Changed the deal to ${structureText(structure)}.`,
      });
    });
    return this.viewOf(await this.existing(dealershipId, dealId));
  }

  /**
   * Sends the draft to the dealership: its quote is taken once more with the current terms and
   * trade and kept as sent; the deal becomes a lead (job `deal-lead`), analytics hears of it (job
   * `analytics-event`, deal_submitted) and the shopper is told by e-mail. Sending a deal that was
   * just sent answers it again, changing nothing.
   */
  async submit(dealershipId: string, dealId: string, accessHeader: string | undefined): Promise<ShopperDeal> {
    const deal = await this.deps.access.require(dealershipId, dealId, accessHeader);
    if (deal.status === 'submitted') return this.viewOf(deal);
    requireDraft(deal);
    const [terms, tradeIn, dealership] = await Promise.all([
      this.termsCarrying(deal),
      this.deps.parts.tradeOf(dealershipId, dealId),
      this.deps.mail.dealershipOf(dealershipId),
    ]);
    const sent = await this.deps.db.transaction().execute(async (trx) => {
      const deals = new DealRepository(trx);
      const locked = await deals.findForUpdate(dealershipId, dealId);
      if (locked?.status === 'submitted') return false;
      const draft = requireDraft(locked);
      const offer = await deals.offer(dealershipId, dealId, draft.offer_version);
      if (!offer) throw new Error(`deal ${dealId} has no offer ${draft.offer_version}`);
      const structure = structureOf(offer);
      const quote = quoteOffer({ vehicle: vehicleOf(draft), structure, tradeIn, terms });
      await deals.reviseOffer(dealershipId, dealId, draft.offer_version, {
        structure: offer.structure,
        quote: JSON.stringify(quote),
      });
      const submittedAt = this.clock();
      await deals.update(dealershipId, dealId, { status: 'submitted', submitted_at: submittedAt });
      await recordActivity(trx, dealershipId, dealId, {
        actor: SHOPPER,
        kind: 'submitted',
        text: `Sent the deal to the dealership: ${structureText(structure)}.`,
      });
      await queueDealLeadUpdate(trx, { ...draft, status: 'submitted' });
      await queueAnalyticsEvent(
        trx,
        dealSubmittedEvent(draft, structure.kind, quote, submittedAt),
        dealSubmittedKey(dealId),
      );
      await this.deps.mail.queue(
        trx,
        dealershipId,
        dealId,
        dealReceivedMail({
          dealershipName: dealership.name,
          shopperFirstName: draft.shopper_first_name,
          vehicle: vehicleOf(draft),
          quote,
        }),
        `deal-received:${dealId}`,
      );
      return true;
    });
    if (!sent) return this.view(dealershipId, dealId, accessHeader);
    return this.viewOf(await this.existing(dealershipId, dealId));
  }

  /**
   * The shopper takes the dealership's latest offer, named by its version (an offer the shopper
   * has not seen cannot be accepted by mistake). Accepting the same offer again changes nothing.
   */
  async accept(
    dealershipId: string,
    dealId: string,
    accessHeader: string | undefined,
    version: number,
  ): Promise<ShopperDeal> {
    const deal = await this.deps.access.require(dealershipId, dealId, accessHeader);
    if (deal.status === 'accepted' && deal.offer_version === version) return this.viewOf(deal);
    requireAcceptable(deal, version);
    const dealership = await this.deps.mail.dealershipOf(dealershipId);
    await this.deps.db.transaction().execute(async (trx) => {
      const deals = new DealRepository(trx);
      const locked = requireAcceptable(await deals.findForUpdate(dealershipId, dealId), version);
      const offer = await deals.offer(dealershipId, dealId, version);
      if (offer?.by !== 'dealer') throw notTheLatestOffer(version);
      const now = this.clock();
      await deals.markOfferAccepted(dealershipId, dealId, version, now);
      await deals.update(dealershipId, dealId, { status: 'accepted', accepted_at: now });
      await recordActivity(trx, dealershipId, dealId, {
        actor: SHOPPER,
        kind: 'accepted',
        text: `Accepted the dealership’s offer (version ${version}).`,
      });
      await queueDealLeadUpdate(trx, { ...locked, status: 'accepted' });
      await this.deps.mail.queue(
        trx,
        dealershipId,
        dealId,
        acceptedMail({
          dealershipName: dealership.name,
          shopperFirstName: locked.shopper_first_name,
          vehicle: vehicleOf(locked),
          quote: offerView(offer).quote,
        }),
        `deal-accepted:${dealId}`,
      );
    });
    return this.viewOf(await this.existing(dealershipId, dealId));
  }

  /**
   * The shopper's view. A draft's figures follow the trade and the terms until it is sent (the
   * trade can be added or appraised after the structure was saved); a sent offer stays as sent.
   */
  private async viewOf(deal: DealRow): Promise<ShopperDeal> {
    const [offerRow, parts] = await Promise.all([
      this.deals.offer(deal.dealership_id, deal.id, deal.offer_version),
      this.deps.parts.of(deal.dealership_id, deal.id),
    ]);
    if (!offerRow) throw new Error(`deal ${deal.id} has no offer ${deal.offer_version}`);
    const offer = offerView(offerRow);
    if (deal.status === 'draft') {
      const terms = await this.deps.offerTerms.of(deal.dealership_id, offer.structure);
      const requoted = quoteIfPossible({
        vehicle: vehicleOf(deal),
        structure: offer.structure,
        tradeIn: parts.tradeIn,
        terms,
      });
      if (requoted) offer.quote = requoted;
    }
    return shopperDealView(deal, offer, parts);
  }

  /** The terms to quote the deal with: the current ones, with the products its offer already carries. */
  private async termsCarrying(deal: DealRow): Promise<RetailTerms> {
    const offer = await this.deals.offer(deal.dealership_id, deal.id, deal.offer_version);
    if (!offer) throw new Error(`deal ${deal.id} has no offer ${deal.offer_version}`);
    return this.deps.offerTerms.of(deal.dealership_id, structureOf(offer));
  }

  /** A deal this request has just written or read: read from the writer. */
  private async existing(dealershipId: string, dealId: string): Promise<DealRow> {
    const deal = await this.deals.find(dealershipId, dealId);
    if (!deal) throw problems.notFound(`Deal ${dealId}`);
    return deal;
  }
}

function requireDraft(deal: DealRow | null): DealRow {
  if (!deal) throw problems.notFound('Deal');
  if (deal.status !== 'draft') {
    throw problems.conflict(
      `The deal is ${deal.status}: it was sent to the dealership already, so it can no longer change here.`,
    );
  }
  return deal;
}

function requireAcceptable(deal: DealRow | null, version: number): DealRow {
  if (!deal) throw problems.notFound('Deal');
  if (deal.status !== 'countered' || deal.offer_version !== version) throw notTheLatestOffer(version);
  return deal;
}

const notTheLatestOffer = (version: number) =>
  problems.conflict(`Offer ${version} is not the dealership’s latest offer on this deal; reload the deal.`, [
    { name: 'body.version', reason: 'must be the version of the dealership’s latest offer' },
  ]);
