import type { QuoteTerms } from './quote-input';
import type { DealFigures } from './deal-figures';
import { dealerFeesCents } from './quote-parts';
import { salesTaxCents, taxableCents } from './sales-tax';

/** The taxable amount and sales tax of a finance or cash deal, by the dealer's tax rules. */
export function dealSalesTax(
  figures: DealFigures,
  terms: QuoteTerms,
): { taxableCents: number; taxCents: number } {
  const taxable = taxableCents(
    {
      sellingPriceCents: figures.sellingPriceCents,
      feesCents: dealerFeesCents(terms),
      productsCents: figures.productsCents,
      tradeEquityCents: figures.tradeEquityCents,
    },
    terms.tax,
  );
  return { taxableCents: taxable, taxCents: salesTaxCents(taxable, terms.tax.salesTaxBps) };
}
