import type { DealLeadInput, DealLeadSummary, Offer } from '@showroom/contracts';
import type { DealRow } from './deal-repository';
import type { DealPartsOf } from './deal-parts';

/**
 * The deal as its lead carries it (and ADF's <finance> block says it): the latest offer's figures,
 * whether there is a trade, a credit application and a deposit. Never anything from inside the
 * credit application: only whether one was received.
 */
export function dealLeadSummary(deal: DealRow, offer: Offer, parts: DealPartsOf): DealLeadSummary {
  const { quote, structure } = offer;
  return {
    dealId: deal.id,
    status: deal.status,
    kind: quote.kind,
    sellingPriceCents: quote.sellingPriceCents,
    downPaymentCents: quote.downPaymentCents,
    monthlyPaymentCents: quote.monthlyPaymentCents,
    termMonths: quote.kind === 'cash' ? null : structure.termMonths,
    aprBps: quote.finance?.aprBps ?? quote.lease?.aprEquivalentBps ?? null,
    dueAtSigningCents: quote.dueAtSigningCents,
    tradeValueCents: parts.tradeIn ? quote.tradeValueCents : null,
    tradePayoffCents: parts.tradeIn ? quote.tradePayoffCents : null,
    products: quote.products.map((product) => product.name),
    creditApplication: parts.creditApplication?.status ?? 'none',
    depositCents: parts.reservation?.depositCents ?? null,
    reservationStatus: parts.reservation?.status ?? null,
    // ADF's <finance> balance and total, for the CRM.
    amountFinancedCents: quote.finance?.amountFinancedCents ?? null,
    residualCents: quote.lease?.residualCents ?? null,
    totalOfPaymentsCents: quote.finance?.totalOfPaymentsCents ?? quote.lease?.totalOfPaymentsCents ?? null,
  };
}

/** What leads is sent to open or update the deal's lead: the shopper, the car and the summary. */
export function dealLeadInput(deal: DealRow, offer: Offer, parts: DealPartsOf): DealLeadInput {
  return {
    shopper: {
      firstName: deal.shopper_first_name,
      lastName: deal.shopper_last_name,
      email: deal.shopper_email,
      ...(deal.shopper_phone ? { phone: deal.shopper_phone } : {}),
    },
    vehicleId: deal.vehicle_id,
    deal: dealLeadSummary(deal, offer, parts),
  };
}
