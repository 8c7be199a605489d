// `npm start`: the whole platform on this machine, with demo data, until Ctrl-C.
import { join, relative } from 'node:path';
import { ALL_DEMO_DEALERSHIPS, ALL_DEMO_USERS, demoPassword } from '@showroom/demo-data';
import {
  backingStoresFromEnv,
  ensureBackingStores,
  type EnsuredStores,
  type StartedStore,
} from './backing-services';
import { buildApps } from './build';
import { startPlatform, type RunningPlatform } from './platform';
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

/** The banner's line about the MySQL/Redis this run started, if it started any. */
function databasesLine(started: StartedStore[]): string {
  if (started.length === 0) return '';
  const where = (store: StartedStore) =>
    store.dir ? `data in ${relative(WORKSPACE_ROOT, store.dir)}` : 'data in its Docker volume';
  return `  Databases: ${started.map((store) => `${store.name} (${where(store)})`).join(', ')}; Ctrl-C stops them too\n`;
}

/** What this run started (private MySQL/Redis, the platform): stopped on Ctrl-C, or when a part exits. */
// The promise, not its result: a Ctrl-C during the first set-up still stops what is being started.
let backing: Promise<EnsuredStores> | undefined;
let platform: RunningPlatform | undefined;
let stopping = false;

async function stop(reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\nStopping (${reason})…`);
  try {
    await platform?.stop();
  } finally {
    const ensured = await backing?.catch(() => undefined);
    if (ensured?.ok) await ensured.stop();
    process.exit(code);
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void stop(signal, 0));

  backing = ensureBackingStores(backingStoresFromEnv());
  const ensured = await backing;
  if (!ensured.ok) {
    console.error(ensured.message);
    process.exit(1);
  }
  const stores = ensured.stores;

  buildApps();

  console.log(
    'Starting DynamoDB, S3 and the SMTP sink; migrating, seeding and starting analytics, dev-auth, users, inventory, leads, retail, the storefront…',
  );
  const running = await startPlatform({
    ports: START_PORTS,
    schemas: START_SCHEMAS,
    stores,
    echo: true,
    logLevel: process.env['LOG_LEVEL'] ?? 'info',
    // Lead timelines and photos survive a restart, as the MySQL schemas do.
    dynamoPath: join(WORKSPACE_ROOT, 'tmp', 'dynamo'),
    s3Path: join(WORKSPACE_ROOT, 'tmp', 's3'),
    accountsFile: join(WORKSPACE_ROOT, '.data', 'dev-auth', 'accounts.json'),
    // Analytics events too (the embedded engine's DuckDB file).
    duckdbPath: join(WORKSPACE_ROOT, ANALYTICS_EVENTS_FILE),
  });
  platform = running;
  void running.anyExited.then((name) => stop(`${name} exited`, 1));
  const databases = databasesLine(ensured.started);

  // The users service's provisioning puts every demo site live in the background, seconds after start.
  const sites = await running.demoSites(SITES_LIVE_WITHIN_MS);
  if (stopping) return;

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const emailWidth = Math.max(...ALL_DEMO_USERS.map((u) => u.email.length)) + 1;
  const nameWidth = Math.max(...sites.map((site) => site.name.length)) + 1;
  const siteLine = (site: SiteState) =>
    `    ${site.name.padEnd(nameWidth)} ${running.siteUrl(site.slug)}` +
    (site.state === 'live' ? '' : ` (not live yet: ${site.state}; see the portal’s Website page)`);
  console.log(`
  Showroom is running (ready in ${seconds} s): ${running.portalUrl}

  Sign in with any demo account; the password is ${demoPassword()}, then the code from
  \`npm run dev-auth:totp -- <e-mail>\` (each code works once; the next comes within 30 s)
${ALL_DEMO_USERS.map((u) => `    ${u.email.padEnd(emailWidth)} ${u.memberships.map(describeMembership).join(', ')}`).join('\n')}

  Dealer websites (a rooftop added in the portal gets its own at http://<its slug>.localhost:${START_PORTS.storefront}):
${sites.map(siteLine).join('\n')}

  APIs:     ${['inventory', 'users', 'leads', 'retail', 'analytics'].map((api) => `${running.portalUrl}/api/${api}/docs`).join(' · ')}
  Sign-in:  http://localhost:${START_PORTS.devAuth}
  Analytics: ${running.portalUrl}/analytics (events in ${ANALYTICS_EVENTS_FILE}, DuckDB; stop, delete it and start again for a fresh history)
${databases}  Payments: http://127.0.0.1:${START_PORTS.payments} (the sandbox standing in for Stripe: card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined)
  E-mail:   ${running.portalUrl}/dev/mail (every mail sent, caught by the SMTP sink on ${running.mail.url})
  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${(error as Error).message}`);
  void stop('it failed', 1);
});
