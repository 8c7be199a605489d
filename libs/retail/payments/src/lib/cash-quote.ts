import type { Quote } from '@showroom/contracts';
import type { QuoteInput } from './quote-input';
import { applyCredits } from './applied-credits';
import { dealFigures } from './deal-figures';
import { assembleQuote, dealerFeesCents } from './quote-parts';
import { dealSalesTax } from './sales-tax-of-deal';

/**
 * A cash purchase: the balance (price, fees, products and tax, less the trade's equity; negative
 * equity is added because the payoff must be paid) is paid in full at signing. A cash deal has no
 * separate down payment (quoted as 0, whatever the structure says); only a trade worth more than
 * the balance is paid back as cash.
 */
export function cashQuote(input: QuoteInput): Quote {
  const figures = dealFigures(input);
  const { taxableCents, taxCents } = dealSalesTax(figures, input.terms);
  const owedCents =
    figures.sellingPriceCents +
    dealerFeesCents(input.terms) +
    figures.productsCents +
    taxCents +
    Math.max(0, -figures.tradeEquityCents);
  const credits = applyCredits(owedCents, figures.tradeEquityCents, 0);
  return assembleQuote(figures, input.terms, {
    kind: 'cash',
    acquisitionCents: 0,
    taxableCents,
    taxCents,
    downPaymentCents: 0,
    finance: null,
    lease: null,
    dueAtSigningCents: credits.remainingCents,
    cashBackCents: credits.cashBackCents,
    monthlyPaymentCents: null,
  });
}
