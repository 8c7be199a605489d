import { allNotInProduction, commaList, devDefaults, serviceConfigLoader } from '@showroom/server-kit';
import { databaseConfigShape } from '@showroom/server-mysql';
import { storageConfigShape } from '@showroom/server-storage';
import { identityConfigShape } from './identity/config';
import { provisioningConfigShape } from './provisioning/config';
import { sitesConfigShape } from './websites/config';

/** The users service's environment (besides the base variables every service reads). */
export const loadUsersConfig = serviceConfigLoader(3002, {
  ...allNotInProduction(databaseConfigShape('USERS', 'showroom_users'), devDefaults.localhost),
  /** The services (read:team) and the identity provider's Action (read:memberships) call this service. */
  MACHINE_CLIENT_IDS: commaList.default(['showroom-services', 'showroom-actions']),
  /** Dealers' logos (private uploads) and the sites' published configuration and assets. */
  ...storageConfigShape,
  /** Where dealer websites are served. */
  ...sitesConfigShape,
  /** Website provisioning: AWS or local hosting, the leads service, machine credentials, intervals. */
  ...provisioningConfigShape,
  /** Team administration: the identity provider's Management API, invitation links and e-mail. */
  ...identityConfigShape,
});
export type UsersConfig = ReturnType<typeof loadUsersConfig>;
