import { baseConfigSchema, loadConfig } from '@showroom/server-kit';
import { z } from 'zod';

export const inventoryConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  INVENTORY_DATABASE_URL: z.url().default('mysql://root@127.0.0.1:3306/showroom_inventory'),
  INVENTORY_DATABASE_READER_URLS: z
    .string()
    .default('')
    .transform((raw) =>
      raw
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379/0'),
  INVENTORY_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});
export type InventoryConfig = z.infer<typeof inventoryConfigSchema>;

export const loadInventoryConfig = (env: NodeJS.ProcessEnv = process.env): InventoryConfig =>
  loadConfig(inventoryConfigSchema, env);
