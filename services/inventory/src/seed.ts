// `npm start` runs this before the service: create and migrate the inventory schema, load demo vehicles.
import { prepareSchema } from '@showroom/server-mysql';
import { loadInventoryConfig } from './config';
import type { InventoryDatabase } from './database';
import { seedDemoInventory } from './demo/seed-demo-inventory';
import { inventoryMigrations } from './migrations';

prepareSchema<InventoryDatabase>(loadInventoryConfig().INVENTORY_DATABASE_URL, inventoryMigrations, (db) =>
  seedDemoInventory(db),
).then(
  () => console.log('inventory: schema migrated, demo vehicles seeded'),
  (error: unknown) => {
    console.error('inventory seed failed:', error);
    process.exit(1);
  },
);
