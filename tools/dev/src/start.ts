// `npm start`: the whole platform on this machine, with demo data, until Ctrl-C.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ALL_DEMO_DEALERSHIPS, ALL_DEMO_USERS, demoPassword } from '@showroom/demo-data';
import { backingStoresFromEnv, checkBackingStores } from './backing-services';
import { BUILD_APPS_ARGS, NX_BIN, NX_ENV } from './build';
import { startPlatform } from './platform';
import type { SiteState } from './site-states';
import { START_PORTS, START_SCHEMAS } from './ports';
import { WORKSPACE_ROOT } from './processes';

/** Where `npm start` keeps analytics events (DuckDB), relative to the workspace. */
const ANALYTICS_EVENTS_FILE = 'tmp/analytics/events.duckdb';

/** Provisioning every demo site takes seconds; the banner does not wait longer than this for them. */
const SITES_LIVE_WITHIN_MS = 60_000;

function describeMembership(m: { dealershipId: string; role: string }): string {
  return `${m.role} of ${ALL_DEMO_DEALERSHIPS.find((d) => d.id === m.dealershipId)?.name ?? m.dealershipId}`;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const stores = backingStoresFromEnv();
  if (!(await checkBackingStores(stores))) process.exit(1);

  console.log('Building the portal and the storefront (cached after the first run)…');
  execFileSync(process.execPath, [NX_BIN, ...BUILD_APPS_ARGS, '--output-style=static'], {
    cwd: WORKSPACE_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...NX_ENV },
  });

  console.log(
    'Starting DynamoDB, S3 and the SMTP sink; migrating, seeding and starting analytics, dev-auth, users, inventory, leads, retail, the storefront…',
  );
  const platform = await startPlatform({
    ports: START_PORTS,
    schemas: START_SCHEMAS,
    stores,
    echo: true,
    logLevel: process.env['LOG_LEVEL'] ?? 'info',
    // Lead timelines and photos survive a restart, as the MySQL schemas do.
    dynamoPath: join(WORKSPACE_ROOT, 'tmp', 'dynamo'),
    s3Path: join(WORKSPACE_ROOT, 'tmp', 's3'),
    // Analytics events too (the embedded engine's DuckDB file).
    duckdbPath: join(WORKSPACE_ROOT, ANALYTICS_EVENTS_FILE),
  });

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping (${reason})…`);
    await platform.stop();
    process.exit(reason.startsWith('SIG') ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  void platform.anyExited.then((name) => stop(`${name} exited`));

  // The users service's provisioning puts every demo site live in the background, seconds after start.
  const sites = await platform.demoSites(SITES_LIVE_WITHIN_MS);
  if (stopping) return;

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const emailWidth = Math.max(...ALL_DEMO_USERS.map((u) => u.email.length)) + 1;
  const nameWidth = Math.max(...sites.map((site) => site.name.length)) + 1;
  const siteLine = (site: SiteState) =>
    `    ${site.name.padEnd(nameWidth)} ${platform.siteUrl(site.slug)}` +
    (site.state === 'live' ? '' : ` (not live yet: ${site.state}; see the portal’s Website page)`);
  console.log(`
  Showroom is running (ready in ${seconds} s): ${platform.portalUrl}

  Sign in with any demo account; the password is ${demoPassword()}
${ALL_DEMO_USERS.map((u) => `    ${u.email.padEnd(emailWidth)} ${u.memberships.map(describeMembership).join(', ')}`).join('\n')}

  Dealer websites (a rooftop added in the portal gets its own at http://<its slug>.localhost:${START_PORTS.storefront}):
${sites.map(siteLine).join('\n')}

  APIs:     ${['inventory', 'users', 'leads', 'retail', 'analytics'].map((api) => `${platform.portalUrl}/api/${api}/docs`).join(' · ')}
  Sign-in:  http://localhost:${START_PORTS.devAuth}
  Analytics: ${platform.portalUrl}/analytics (events in ${ANALYTICS_EVENTS_FILE}, DuckDB; stop, delete it and start again for a fresh history)
  Payments: http://127.0.0.1:${START_PORTS.payments} (the sandbox standing in for Stripe: card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined)
  E-mail:   ${platform.portalUrl}/dev/mail (every mail sent, caught by the SMTP sink on ${platform.mail.url})
  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${(error as Error).message}`);
  process.exit(1);
});
