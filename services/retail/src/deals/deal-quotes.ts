import {
  NO_ADJUSTMENTS,
  type DealAdjustments,
  type DealStructure,
  type DealTradeIn,
  type DealVehicle,
  type Quote,
  type RetailTerms,
  type TradeFigures,
} from '@showroom/contracts';
import { QuoteError, quoteDeal } from '@showroom/retail-payments';
import { unquotable } from '../quotes/shopper-quotes';

/** The trade as a quote counts it: what the deal counts it at, and what is owed on it. */
export const tradeFiguresOf = (tradeIn: DealTradeIn | null): TradeFigures | null =>
  tradeIn ? { valueCents: tradeIn.valueCents, payoffCents: tradeIn.payoffCents } : null;

export interface OfferToQuote {
  vehicle: DealVehicle;
  structure: DealStructure;
  tradeIn: DealTradeIn | null;
  terms: RetailTerms;
  adjustments?: DealAdjustments;
}

const quoteOf = (offer: OfferToQuote): Quote =>
  quoteDeal({
    vehicle: { priceCents: offer.vehicle.priceCents, msrpCents: offer.vehicle.msrpCents },
    structure: offer.structure,
    trade: tradeFiguresOf(offer.tradeIn),
    terms: offer.terms,
    adjustments: offer.adjustments ?? NO_ADJUSTMENTS,
  });

/**
 * The quote of an offer, computed on the server with the dealership's terms (a browser's figures
 * are never taken). A structure the terms cannot quote (a lease term without a residual, a product
 * the dealer does not offer) is a 422 naming the field of the request, as the public quote says it.
 */
export function quoteOffer(offer: OfferToQuote): Quote {
  try {
    return quoteOf(offer);
  } catch (error) {
    if (error instanceof QuoteError) throw unquotable(error);
    throw error;
  }
}

/** The quote, or null when the terms no longer quote the structure (a product was withdrawn since). */
export function quoteIfPossible(offer: OfferToQuote): Quote | null {
  try {
    return quoteOf(offer);
  } catch (error) {
    if (error instanceof QuoteError) return null;
    throw error;
  }
}
