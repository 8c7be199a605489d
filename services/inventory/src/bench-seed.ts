// `npm run bench` runs this: the benchmark tenants' inventory (BENCH_DEALERSHIPS × BENCH_VEHICLES_PER_DEALERSHIP).
import { prepareSchema } from '@showroom/server-mysql';
import { loadInventoryConfig } from './config';
import type { InventoryDatabase } from './database';
import { seedBenchInventory } from './demo/seed-bench-inventory';
import { inventoryMigrations } from './migrations';

const dealerships = Number(process.env['BENCH_DEALERSHIPS'] ?? 20);
const perDealership = Number(process.env['BENCH_VEHICLES_PER_DEALERSHIP'] ?? 5000);

prepareSchema<InventoryDatabase>(
  loadInventoryConfig().INVENTORY_DATABASE_URL,
  inventoryMigrations,
  async (db) => {
    const added = await seedBenchInventory(db, dealerships, perDealership);
    console.log(
      `bench inventory: ${dealerships} dealerships × ${perDealership} vehicles (${added} added now)`,
    );
  },
).catch((error: unknown) => {
  console.error('bench seed failed:', error);
  process.exit(1);
});
