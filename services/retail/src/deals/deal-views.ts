import {
  DealAdjustmentsSchema,
  DealStructureSchema,
  DealVehicleSchema,
  QuoteSchema,
  type DealActivity,
  type DealDesk,
  type DealStructure,
  type DealSummary,
  type DealVehicle,
  type Offer,
  type RetailTerms,
  type ShopperDeal,
} from '@showroom/contracts';
import type { DealActivityRow, DealOfferRow, DealRow } from './deal-repository';
import type { DealPartStatuses, DealPartsOf } from './deal-parts';

/** The car as it was priced when the deal started. */
export const vehicleOf = (deal: DealRow): DealVehicle => DealVehicleSchema.parse(JSON.parse(deal.vehicle));

export const structureOf = (offer: DealOfferRow): DealStructure =>
  DealStructureSchema.parse(JSON.parse(offer.structure));

export function offerView(row: DealOfferRow): Offer {
  return {
    version: row.version,
    by: row.by,
    structure: structureOf(row),
    adjustments: DealAdjustmentsSchema.parse(JSON.parse(row.adjustments)),
    quote: QuoteSchema.parse(JSON.parse(row.quote)),
    message: row.message,
    author: row.author_name,
    createdAt: row.created_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
  };
}

export const activityView = (row: DealActivityRow): DealActivity => ({
  at: row.at.toISOString(),
  actor: row.actor,
  kind: row.kind,
  text: row.text,
});

/** What the shopper's browser sees: its own deal, the latest offer, no contact details echoed. */
export function shopperDealView(deal: DealRow, offer: Offer, parts: DealPartsOf): ShopperDeal {
  return {
    id: deal.id,
    dealershipId: deal.dealership_id,
    status: deal.status,
    vehicle: vehicleOf(deal),
    shopperFirstName: deal.shopper_first_name,
    offer,
    tradeIn: parts.tradeIn,
    creditApplication: parts.creditApplication,
    reservation: parts.reservation,
    submittedAt: deal.submitted_at?.toISOString() ?? null,
    updatedAt: deal.updated_at.toISOString(),
  };
}

/**
 * The shopper's name as the caller may see it: in full for those who work deals; for viewers, who
 * see no personal data, the first name and the last name's initial ("Dana D.").
 */
export function shopperNameOf(deal: DealRow, full: boolean): { firstName: string; lastName: string } {
  if (full) return { firstName: deal.shopper_first_name, lastName: deal.shopper_last_name };
  const initial = Array.from(deal.shopper_last_name.trim())[0];
  return { firstName: deal.shopper_first_name, lastName: initial ? `${initial.toUpperCase()}.` : '' };
}

export interface DeskViewInput {
  deal: DealRow;
  offers: DealOfferRow[];
  activity: DealActivityRow[];
  parts: DealPartsOf;
  terms: RetailTerms;
  /** False for roles that may not see the shopper's personal data (viewers): no e-mail, phone or last name. */
  withContact: boolean;
}

export function deskView({ deal, offers, activity, parts, terms, withContact }: DeskViewInput): DealDesk {
  return {
    id: deal.id,
    status: deal.status,
    vehicle: vehicleOf(deal),
    shopper: {
      ...shopperNameOf(deal, withContact),
      email: withContact ? deal.shopper_email : null,
      phone: withContact ? deal.shopper_phone : null,
    },
    offers: offers.map(offerView),
    tradeIn: parts.tradeIn,
    creditApplication: parts.creditApplication,
    reservation: parts.reservation,
    terms,
    leadId: deal.lead_id,
    assigneeId: deal.assignee_id,
    activity: activity.map(activityView),
    submittedAt: deal.submitted_at?.toISOString() ?? null,
    createdAt: deal.created_at.toISOString(),
    updatedAt: deal.updated_at.toISOString(),
    version: deal.version,
  };
}

/** A row of the desk's list; `withContact` as in the desk view (viewers see "Dana D."). */
export function summaryView(
  deal: DealRow,
  latest: DealOfferRow,
  parts: DealPartStatuses,
  withContact: boolean,
): DealSummary {
  const quote = QuoteSchema.parse(JSON.parse(latest.quote));
  const name = shopperNameOf(deal, withContact);
  return {
    id: deal.id,
    status: deal.status,
    shopperName: `${name.firstName} ${name.lastName}`.trim(),
    vehicle: vehicleOf(deal),
    kind: deal.kind,
    monthlyPaymentCents: quote.monthlyPaymentCents,
    dueAtSigningCents: quote.dueAtSigningCents,
    ...parts,
    leadId: deal.lead_id,
    assigneeId: deal.assignee_id,
    submittedAt: deal.submitted_at?.toISOString() ?? null,
    updatedAt: deal.updated_at.toISOString(),
  };
}
