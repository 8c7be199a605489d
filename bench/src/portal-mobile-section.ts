// The portal-on-a-phone section of the bench (bench/src/portal-mobile.ts measures; this starts what
// it measures, bounds it and stops it): the last section of `npm run bench`, and all of
// `npm run bench:portal-mobile`. Builds the portal and the storefront as `npm start` does and starts
// the whole platform on e2e's ports and on schemas of its own (dropped before and after), or
// measures a running portal at SHOWROOM_URL. Environment: SHOWROOM_URL, BENCH_PORTAL_MOBILE_RUNS (3),
// BENCH_PORTAL_MOBILE_USER (the demo manager), BENCH_PORTAL_MOBILE_LIMIT_SECONDS (900, the measuring
// once the platform is up), CHROME_PATH.
import { DEMO_USERS, demoPassword } from '@showroom/demo-data';
/* eslint-disable @nx/enforce-module-boundaries -- starts the very platform npm start and e2e start (tools/dev), not a copy of it */
import type { BackingStores } from '../../tools/dev/src/backing-services';
import { buildApps } from '../../tools/dev/src/build';
import { PORTAL_DIST } from '../../tools/dev/src/edge';
import { startThrowawayPlatform, type RunningPlatform } from '../../tools/dev/src/platform';
import { E2E_PORTS, type SchemaPlan } from '../../tools/dev/src/ports';
/* eslint-enable @nx/enforce-module-boundaries */
import { compressedSizes, initialBundleFiles } from './bundle-size';
import { measurePortalMobile } from './portal-mobile';
import { formatPortalMobileReport } from './portal-mobile-report';

export const PORTAL_MOBILE_LIMIT_SECONDS = Number(process.env['BENCH_PORTAL_MOBILE_LIMIT_SECONDS'] ?? 900);
const SCHEMAS: SchemaPlan = {
  inventory: 'showroom_bench_portal_inventory',
  users: 'showroom_bench_portal_users',
  leads: 'showroom_bench_portal_leads',
  retail: 'showroom_bench_portal_retail',
  analytics: 'showroom_bench_portal_analytics',
};
/** The users service publishes the demo sites in the background after it starts: measured after that. */
const SITES_LIVE_WITHIN_MS = 60_000;

async function startOwnPlatform(stores: BackingStores): Promise<RunningPlatform> {
  buildApps();
  console.log(`Starting the platform with the demo data (portal on port ${E2E_PORTS.portal})…`);
  const platform = await startThrowawayPlatform({
    ports: E2E_PORTS,
    schemas: SCHEMAS,
    stores,
    echo: false,
    logLevel: 'warn',
  });
  await platform.demoSites(SITES_LIVE_WITHIN_MS).catch(async (error: unknown) => {
    await platform.stop();
    throw error;
  });
  return platform;
}

/** `stores`: where the platform the section starts keeps its data; unused with SHOWROOM_URL. */
export async function runPortalMobileBench(stores: BackingStores): Promise<string> {
  const given = process.env['SHOWROOM_URL'];
  const own = given ? null : await startOwnPlatform(stores);
  try {
    const portalUrl = given ?? (own as RunningPlatform).portalUrl;
    const index = await fetch(portalUrl, { headers: { accept: 'text/html' } });
    if (!index.ok) throw new Error(`${portalUrl} answered ${index.status}`);
    const initialFiles = await initialBundleFiles(await index.text(), async (file) => {
      const response = await fetch(new URL(file, portalUrl));
      if (!response.ok) throw new Error(`${file} of index.html answered ${response.status}`);
      return response.text();
    });
    const email = process.env['BENCH_PORTAL_MOBILE_USER'] ?? DEMO_USERS.manager.email;
    console.log(
      `Portal on a slow phone: ${portalUrl}, signed in as ${email} (measuring stops after ${PORTAL_MOBILE_LIMIT_SECONDS} s)…`,
    );
    const result = await measurePortalMobile({
      portalUrl,
      email,
      password: demoPassword(),
      runs: Number(process.env['BENCH_PORTAL_MOBILE_RUNS'] ?? 3),
      deadline: AbortSignal.timeout(PORTAL_MOBILE_LIMIT_SECONDS * 1_000),
      chromiumPath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    });
    return formatPortalMobileReport(result, {
      initialFiles,
      ...(own ? { builtBundle: compressedSizes(PORTAL_DIST, initialFiles) } : {}),
    });
  } finally {
    await own?.stop();
  }
}
