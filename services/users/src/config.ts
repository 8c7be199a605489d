import {
  allNotInProduction,
  baseConfigSchema,
  commaList,
  devDefaults,
  loadConfig,
  servicePort,
} from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { z } from 'zod';

export const usersConfigSchema = baseConfigSchema.extend({
  PORT: servicePort(3002),
  ...allNotInProduction(databaseConfigShape('USERS', 'showroom_users'), devDefaults.localhost),
  /** The services (read:team) and the identity provider's Action (read:memberships) call this service. */
  MACHINE_CLIENT_IDS: commaList.default(['showroom-services', 'showroom-actions']),
});
export type UsersConfig = z.infer<typeof usersConfigSchema>;

export const loadUsersConfig = (env: NodeJS.ProcessEnv = process.env): UsersConfig =>
  loadConfig(usersConfigSchema, env);
