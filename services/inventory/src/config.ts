import { baseConfigSchema, devDefaults, loadConfig, notInProduction } from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { z } from 'zod';

const database = databaseConfigShape('INVENTORY', 'showroom_inventory');

export const inventoryConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  ...database,
  INVENTORY_DATABASE_URL: notInProduction(database.INVENTORY_DATABASE_URL, devDefaults.localhost),
  INVENTORY_DATABASE_READER_URLS: notInProduction(
    database.INVENTORY_DATABASE_READER_URLS,
    devDefaults.localhost,
  ),
  REDIS_URL: notInProduction(z.url().default('redis://127.0.0.1:6379/0'), devDefaults.localhost),
  INVENTORY_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});
export type InventoryConfig = z.infer<typeof inventoryConfigSchema>;

export const loadInventoryConfig = (env: NodeJS.ProcessEnv = process.env): InventoryConfig =>
  loadConfig(inventoryConfigSchema, env);
