import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  ProductKindSchema,
  ProductOptionSchema,
  type ProtectionProduct,
  type ProtectionProductInput,
} from '@showroom/contracts';
import { forDealership } from '@showroom/server-mysql';
import { z } from 'zod';
import type { ProtectionProductTable, RetailDatabase } from '../database';

type RetailDb = Kysely<RetailDatabase> | Transaction<RetailDatabase>;

const OptionsSchema = z.array(ProductOptionSchema);

function productOf(row: Selectable<ProtectionProductTable>): ProtectionProduct {
  return {
    id: row.id,
    kind: ProductKindSchema.parse(row.kind),
    name: row.name,
    description: row.description,
    options: OptionsSchema.parse(JSON.parse(row.options)),
    active: row.active === 1,
  };
}

const columnsOf = (input: ProtectionProductInput) => ({
  kind: input.kind,
  name: input.name,
  description: input.description,
  options: JSON.stringify(input.options),
  active: input.active ? 1 : 0,
});

/** The SQL of a dealership's protection products (its F&I menu), in the order they were added. */
export class ProductRepository {
  constructor(private readonly db: RetailDb) {}

  async list(dealershipId: string, filter: { activeOnly: boolean }): Promise<ProtectionProduct[]> {
    let query = forDealership(this.db, dealershipId)
      .selectFrom('protection_products')
      .selectAll()
      .orderBy('position')
      .orderBy('id');
    if (filter.activeOnly) query = query.where('active', '=', 1);
    return (await query.execute()).map(productOf);
  }

  async count(dealershipId: string): Promise<number> {
    const row = await forDealership(this.db, dealershipId)
      .selectFrom('protection_products')
      .select((eb) => eb.fn.countAll<number>().as('products'))
      .executeTakeFirstOrThrow();
    return Number(row.products);
  }

  async find(dealershipId: string, productId: string): Promise<ProtectionProduct | null> {
    const row = await forDealership(this.db, dealershipId)
      .selectFrom('protection_products')
      .selectAll()
      .where('id', '=', productId)
      .executeTakeFirst();
    return row ? productOf(row) : null;
  }

  /** Adds the product after the dealership's others. */
  async insert(dealershipId: string, productId: string, input: ProtectionProductInput): Promise<void> {
    const tenant = forDealership(this.db, dealershipId);
    const last = await tenant
      .selectFrom('protection_products')
      .select((eb) => eb.fn.max('position').as('position'))
      .executeTakeFirst();
    await tenant
      .insertInto('protection_products')
      .values({ id: productId, ...columnsOf(input), position: (last?.position ?? -1) + 1 })
      .execute();
  }

  /** False when the dealership has no such product. */
  async update(
    dealershipId: string,
    productId: string,
    input: ProtectionProductInput,
    at: Date,
  ): Promise<boolean> {
    const result = await forDealership(this.db, dealershipId)
      .updateTable('protection_products')
      .set({ ...columnsOf(input), updated_at: at })
      .where('id', '=', productId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** False when the dealership has no such product. */
  async delete(dealershipId: string, productId: string): Promise<boolean> {
    const result = await forDealership(this.db, dealershipId)
      .deleteFrom('protection_products')
      .where('id', '=', productId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
