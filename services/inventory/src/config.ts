import {
  allNotInProduction,
  baseConfigSchema,
  devDefaults,
  loadConfig,
  notInProduction,
  servicePort,
} from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { z } from 'zod';

export const inventoryConfigSchema = baseConfigSchema.extend({
  PORT: servicePort(3001),
  ...allNotInProduction(databaseConfigShape('INVENTORY', 'showroom_inventory'), devDefaults.localhost),
  REDIS_URL: notInProduction(z.url().default('redis://127.0.0.1:6379/0'), devDefaults.localhost),
  INVENTORY_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});
export type InventoryConfig = z.infer<typeof inventoryConfigSchema>;

export const loadInventoryConfig = (env: NodeJS.ProcessEnv = process.env): InventoryConfig =>
  loadConfig(inventoryConfigSchema, env);
