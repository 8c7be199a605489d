import type { Quote } from '@showroom/contracts';
import type { DealFigures } from './deal-figures';
import type { QuoteTerms } from './quote-input';

/** What differs between a finance, lease and cash quote; the rest comes from the deal's figures. */
export type QuoteParts = Pick<
  Quote,
  | 'kind'
  | 'taxableCents'
  | 'taxCents'
  | 'downPaymentCents'
  | 'finance'
  | 'lease'
  | 'dueAtSigningCents'
  | 'cashBackCents'
  | 'monthlyPaymentCents'
> & { acquisitionCents: number };

export function assembleQuote(figures: DealFigures, terms: QuoteTerms, parts: QuoteParts): Quote {
  const { acquisitionCents, ...rest } = parts;
  return {
    ...rest,
    sellingPriceCents: figures.sellingPriceCents,
    msrpCents: figures.msrpCents,
    fees: {
      documentationCents: terms.fees.documentationCents,
      titleCents: terms.fees.titleCents,
      registrationCents: terms.fees.registrationCents,
      acquisitionCents,
    },
    products: figures.products,
    productsCents: figures.productsCents,
    tradeValueCents: figures.tradeValueCents,
    tradePayoffCents: figures.tradePayoffCents,
    tradeEquityCents: figures.tradeEquityCents,
    salesTaxBps: terms.tax.salesTaxBps,
    disclosure: terms.disclosure,
  };
}

/** Documentation + title + registration: the fees every deal pays (a lease adds its acquisition fee). */
export function dealerFeesCents(terms: QuoteTerms): number {
  return terms.fees.documentationCents + terms.fees.titleCents + terms.fees.registrationCents;
}
