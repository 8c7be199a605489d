import type { DealStructure, ProtectionProduct, RetailTerms } from '@showroom/contracts';
import type { TermsSource } from './deal-ports';

/** The dealership's products by id, inactive ones included (settings' ProductRepository). */
export interface CarriedProductSource {
  find(dealershipId: string, productId: string): Promise<ProtectionProduct | null>;
}

/**
 * The terms a deal's offer is quoted with: the dealership's current terms, whose menu lists only the
 * active products, plus the products the deal already carries that the dealer has made inactive
 * since. An inactive product "stays on deals that already have it" (the contract), so the desk can
 * counter and the shopper can send a deal that carries one; no deal can newly choose it.
 */
export class OfferTerms {
  constructor(
    private readonly terms: TermsSource,
    private readonly products: CarriedProductSource,
  ) {}

  /** `carried`: the structure of the deal's latest offer (the products it already has). */
  async of(dealershipId: string, carried: DealStructure): Promise<RetailTerms> {
    const terms = await this.terms.of(dealershipId);
    const offered = new Set(terms.products.map((product) => product.id));
    const missing = carried.products.filter((chosen) => !offered.has(chosen.productId));
    if (missing.length === 0) return terms;
    const kept = await Promise.all(
      missing.map((chosen) => this.products.find(dealershipId, chosen.productId)),
    );
    const inactive = kept.filter((product): product is ProtectionProduct => product !== null);
    return { ...terms, products: [...terms.products, ...inactive] };
  }
}
