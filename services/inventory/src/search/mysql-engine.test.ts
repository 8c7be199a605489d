import { acrossDealerships, createDatabase, migrateToLatest } from '@showroom/server-mysql';
import { createTestSchema } from '@showroom/server-testing';
import type { InventoryDatabase } from '../database';
import { inventoryMigrations } from '../migrations';
import { describeSearchEngineContract } from './engine-contract';
import { MysqlSearchEngine } from './mysql-engine';
import type { SearchDocument, VehicleRef, VehicleSearchIndex } from './port';
import { loadSynonyms } from './synonyms';

const synonyms = loadSynonyms(new URL('../../search/synonyms.json', import.meta.url).pathname);

/** Writes the contract's documents as vehicle rows: for the fallback, MySQL is the index. */
function rowsAsIndex(db: ReturnType<typeof createDatabase<InventoryDatabase>>['writer']): VehicleSearchIndex {
  const remove = async (refs: readonly VehicleRef[]) => {
    for (const ref of refs) {
      await acrossDealerships(db)
        .deleteFrom('vehicles')
        .where('dealership_id', '=', ref.dealershipId)
        .where('id', '=', ref.id)
        .execute();
    }
  };
  return {
    remove,
    async upsert(documents: readonly SearchDocument[]) {
      const latest = [...new Map(documents.map((doc) => [doc.id, doc])).values()];
      await remove(latest);
      for (const doc of latest) {
        await acrossDealerships(db)
          .insertInto('vehicles')
          .values({
            id: doc.id,
            dealership_id: doc.dealershipId,
            vin: doc.vin,
            stock_number: doc.stockNumber,
            vehicle_condition: doc.condition,
            status: doc.status,
            published: doc.published,
            year: doc.year,
            make: doc.make,
            model: doc.model,
            trim: doc.trim,
            body_style: doc.bodyStyle,
            drivetrain: doc.drivetrain,
            fuel_type: doc.fuelType,
            exterior_color: doc.exteriorColor,
            mileage: doc.mileage,
            price_cents: doc.priceCents,
            currency: 'USD',
            version: 1,
            created_at: new Date(doc.listedAt),
            updated_at: new Date(doc.listedAt),
          })
          .execute();
      }
    },
  };
}

describeSearchEngineContract(
  'MySQL fallback',
  async () => {
    const schema = await createTestSchema('inventory_search');
    const database = createDatabase<InventoryDatabase>({
      writerUrl: schema.url,
      readerUrls: [],
      connectionLimit: 3,
    });
    await migrateToLatest(database.writer, inventoryMigrations);
    return {
      engine: new MysqlSearchEngine(database.writer, synonyms),
      index: rowsAsIndex(database.writer),
      async close() {
        await database.close();
        await schema.drop();
      },
    };
  },
  { typoTolerance: false, highlights: true },
);
