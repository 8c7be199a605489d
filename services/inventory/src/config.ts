import { allNotInProduction, devDefaults, notInProduction, serviceConfigLoader } from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { z } from 'zod';

/** The inventory service's environment (besides the base variables every service reads). */
export const loadInventoryConfig = serviceConfigLoader(3001, {
  ...allNotInProduction(databaseConfigShape('INVENTORY', 'showroom_inventory'), devDefaults.localhost),
  REDIS_URL: notInProduction(z.url().default('redis://127.0.0.1:6379/0'), devDefaults.localhost),
  INVENTORY_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});
export type InventoryConfig = ReturnType<typeof loadInventoryConfig>;
