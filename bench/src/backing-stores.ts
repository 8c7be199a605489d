// The bench's MySQL and Redis (SHOWROOM_MYSQL_URL / SHOWROOM_REDIS_URL): started for a run when
// nothing answers there and stopped after it, the way npm start and npm test do.
/* eslint-disable @nx/enforce-module-boundaries -- the very start-up npm start and npm test use (tools/dev), not a copy of it */
export { backingStoresFromEnv, withBackingStores } from '../../tools/dev/src/backing-services';
