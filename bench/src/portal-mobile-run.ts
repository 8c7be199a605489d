// `npm run bench:portal-mobile`: the portal on a phone with a poor signal (issue 17), alone: LCP of
// the inventory list, the leads inbox and a lead page, unthrottled, slow with the cache off and slow
// with a warm cache, the request chain and the bytes per screen (bench/src/portal-mobile-section.ts).
// Reports only: a missed goal is printed, never an exit code; an error is.
import { backingStoresFromEnv, withBackingStores } from './backing-stores';
import { runPortalMobileBench } from './portal-mobile-section';

// MySQL and Redis are started for the run when nothing answers (not needed to measure SHOWROOM_URL).
(process.env['SHOWROOM_URL']
  ? runPortalMobileBench(backingStoresFromEnv())
  : withBackingStores(backingStoresFromEnv(), runPortalMobileBench)
)
  .then((report) => console.log(`\n${report}`))
  .catch((error: unknown) => {
    console.error(`portal mobile bench failed: ${(error as Error).message}`);
    process.exitCode = 1;
  });
