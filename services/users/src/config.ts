import { baseConfigSchema, commaList, devDefaults, loadConfig, notInProduction } from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { z } from 'zod';

const database = databaseConfigShape('USERS', 'showroom_users');

export const usersConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  ...database,
  USERS_DATABASE_URL: notInProduction(database.USERS_DATABASE_URL, devDefaults.localhost),
  USERS_DATABASE_READER_URLS: notInProduction(database.USERS_DATABASE_READER_URLS, devDefaults.localhost),
  /** The services (read:team) and the identity provider's Action (read:memberships) call this service. */
  MACHINE_CLIENT_IDS: commaList.default(['showroom-services', 'showroom-actions']),
});
export type UsersConfig = z.infer<typeof usersConfigSchema>;

export const loadUsersConfig = (env: NodeJS.ProcessEnv = process.env): UsersConfig =>
  loadConfig(usersConfigSchema, env);
