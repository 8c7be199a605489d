import type { CreditTierTerms, QuotedProduct } from '@showroom/contracts';
import type { QuoteInput } from './quote-input';
import { QuoteError } from './quote-error';

/** The figures every kind of deal starts from, with the desk's overrides applied. */
export interface DealFigures {
  sellingPriceCents: number;
  /** The listed price: the residual's base when the vehicle has no MSRP (a discount does not lower it). */
  listedPriceCents: number;
  msrpCents: number | null;
  products: QuotedProduct[];
  productsCents: number;
  tradeValueCents: number;
  tradePayoffCents: number;
  tradeEquityCents: number;
  downPaymentCents: number;
}

export function dealFigures(input: QuoteInput): DealFigures {
  const { vehicle, structure, trade, adjustments } = input;
  const listedPriceCents = requireCents(vehicle.priceCents, 'vehicle.priceCents');
  const msrpCents = vehicle.msrpCents === null ? null : requireCents(vehicle.msrpCents, 'vehicle.msrpCents');
  const sellingPriceCents =
    adjustments?.sellingPriceCents == null
      ? listedPriceCents
      : requireCents(adjustments.sellingPriceCents, 'adjustments.sellingPriceCents');
  const tradeValueCents =
    adjustments?.tradeValueCents == null
      ? requireCents(trade?.valueCents ?? 0, 'trade.valueCents')
      : requireCents(adjustments.tradeValueCents, 'adjustments.tradeValueCents');
  const tradePayoffCents = requireCents(trade?.payoffCents ?? 0, 'trade.payoffCents');
  const products = chosenProducts(input);
  return {
    sellingPriceCents,
    listedPriceCents,
    msrpCents,
    products,
    productsCents: products.reduce((sum, product) => sum + product.priceCents, 0),
    tradeValueCents,
    tradePayoffCents,
    tradeEquityCents: tradeValueCents - tradePayoffCents,
    downPaymentCents: requireCents(structure.downPaymentCents, 'structure.downPaymentCents'),
  };
}

/** Each chosen product priced from the dealer's menu for the coverage term chosen. */
function chosenProducts({ structure, terms }: QuoteInput): QuotedProduct[] {
  return structure.products.map((choice, index) => {
    const product = terms.products.find((offered) => offered.id === choice.productId);
    if (!product) {
      throw new QuoteError(
        `structure.products.${index}.productId`,
        'The dealership does not offer this product.',
      );
    }
    const option = product.options.find((offered) => offered.termMonths === choice.termMonths);
    if (!option) {
      const offered = product.options.map((o) => o.termMonths).join(', ');
      throw new QuoteError(
        `structure.products.${index}.termMonths`,
        `${product.name} is offered for ${offered} months.`,
      );
    }
    return {
      productId: product.id,
      name: product.name,
      kind: product.kind,
      termMonths: option.termMonths,
      priceCents: requireCents(option.priceCents, `structure.products.${index}.priceCents`),
    };
  });
}

export function creditTierTerms({ structure, terms }: QuoteInput): CreditTierTerms {
  const tier = terms.creditTiers.find((offered) => offered.tier === structure.creditTier);
  if (!tier)
    throw new QuoteError('structure.creditTier', 'The dealership has no rates for this credit tier.');
  return tier;
}

export function requireCents(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new QuoteError(field, 'Must be a whole number of cents, 0 or more.');
  }
  return value;
}
