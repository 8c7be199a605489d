import { baseConfigSchema, loadConfig } from '@showroom/server-kit';
import { z } from 'zod';

export const usersConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  USERS_DATABASE_URL: z.url().default('mysql://root@127.0.0.1:3306/showroom_users'),
  USERS_DATABASE_READER_URLS: z
    .string()
    .default('')
    .transform((raw) =>
      raw
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});
export type UsersConfig = z.infer<typeof usersConfigSchema>;

export const loadUsersConfig = (env: NodeJS.ProcessEnv = process.env): UsersConfig =>
  loadConfig(usersConfigSchema, env);
