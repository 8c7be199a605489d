import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ProtectionProduct, ProtectionProductInput } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import type { RetailDatabase } from '../database';
import { ProductRepository } from './product-repository';
import { lockRetailSettings } from './settings-lock';
import type { TermsInvalidation } from './retail-terms-source';

/** A menu longer than this is no menu a shopper reads; it also bounds the terms every quote carries. */
export const MAX_PRODUCTS_PER_DEALERSHIP = 24;

export interface ProtectionProductServiceDeps {
  db: Kysely<RetailDatabase>;
  terms: TermsInvalidation;
  clock: () => Date;
}

const productNotFound = () => problems.notFound('The protection product');

/**
 * The dealership's protection products (service contract, GAP, maintenance, tyre & wheel…), each
 * with a price per coverage term. Active ones are offered to shoppers; a change reaches quotes at once.
 */
export class ProtectionProductService {
  constructor(private readonly deps: ProtectionProductServiceDeps) {}

  private get products() {
    return new ProductRepository(this.deps.db);
  }

  list(dealershipId: string): Promise<ProtectionProduct[]> {
    return this.products.list(dealershipId, { activeOnly: false });
  }

  async create(dealershipId: string, input: ProtectionProductInput): Promise<ProtectionProduct> {
    const id = randomUUID();
    await this.deps.db.transaction().execute(async (trx) => {
      const products = new ProductRepository(trx);
      // Adds of one dealership happen one at a time, so the count and the positions stay right.
      await lockRetailSettings(trx, dealershipId);
      if ((await products.count(dealershipId)) >= MAX_PRODUCTS_PER_DEALERSHIP) {
        throw problems.conflict(
          `A dealership offers at most ${MAX_PRODUCTS_PER_DEALERSHIP} protection products; remove one or make it inactive first.`,
        );
      }
      await products.insert(dealershipId, id, input);
    });
    this.deps.terms.forget(dealershipId);
    return { id, ...input };
  }

  async update(
    dealershipId: string,
    productId: string,
    input: ProtectionProductInput,
  ): Promise<ProtectionProduct> {
    if (!(await this.products.update(dealershipId, productId, input, this.deps.clock())))
      throw productNotFound();
    this.deps.terms.forget(dealershipId);
    return { id: productId, ...input };
  }

  async remove(dealershipId: string, productId: string): Promise<void> {
    if (!(await this.products.delete(dealershipId, productId))) throw productNotFound();
    this.deps.terms.forget(dealershipId);
  }
}
