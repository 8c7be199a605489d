import type { Quote } from '@showroom/contracts';
import type { QuoteInput } from './quote-input';
import { dealFigures } from './deal-figures';
import { assembleQuote, dealerFeesCents } from './quote-parts';
import { dealSalesTax } from './sales-tax-of-deal';

/**
 * A cash purchase: the balance (price, fees, products and tax, less the trade's equity; negative
 * equity is added because the payoff must be paid) is paid in full at signing. A cash deal has no
 * separate down payment (quoted as 0); a trade worth more than the balance is paid back as cash.
 */
export function cashQuote(input: QuoteInput): Quote {
  const figures = dealFigures(input);
  const { taxableCents, taxCents } = dealSalesTax(figures, input.terms);
  const balanceCents =
    figures.sellingPriceCents +
    dealerFeesCents(input.terms) +
    figures.productsCents +
    taxCents -
    figures.tradeEquityCents;
  return assembleQuote(figures, input.terms, {
    kind: 'cash',
    acquisitionCents: 0,
    taxableCents,
    taxCents,
    downPaymentCents: 0,
    finance: null,
    lease: null,
    dueAtSigningCents: Math.max(0, balanceCents),
    cashBackCents: Math.max(0, -balanceCents),
    monthlyPaymentCents: null,
  });
}
