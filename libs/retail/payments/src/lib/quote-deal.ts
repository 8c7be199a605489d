import type { Quote } from '@showroom/contracts';
import type { QuoteInput } from './quote-input';
import { cashQuote } from './cash-quote';
import { financeQuote } from './finance-quote';
import { leaseQuote } from './lease-quote';
import { QuoteError } from './quote-error';

/**
 * The quote of a deal structure with a dealership's terms: the same figures in the shopper's
 * browser, on the server and at the desk. Throws QuoteError naming the input it cannot quote.
 */
export function quoteDeal(input: QuoteInput): Quote {
  switch (input.structure.kind) {
    case 'finance':
      return financeQuote(input);
    case 'lease':
      return leaseQuote(input);
    case 'cash':
      return cashQuote(input);
    default:
      throw new QuoteError('structure.kind', 'A deal is finance, lease or cash.');
  }
}
