// `npm start`: the whole platform on this machine, with demo data, until Ctrl-C.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ALL_DEMO_DEALERSHIPS, ALL_DEMO_USERS, demoPassword } from '@showroom/demo-data';
import { backingStoresFromEnv, checkBackingStores } from './backing-services';
import { startPlatform } from './platform';
import { START_PORTS, START_SCHEMAS } from './ports';
import { WORKSPACE_ROOT } from './processes';

function describeMembership(m: { dealershipId: string; role: string }): string {
  return `${m.role} of ${ALL_DEMO_DEALERSHIPS.find((d) => d.id === m.dealershipId)?.name ?? m.dealershipId}`;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const stores = backingStoresFromEnv();
  if (!(await checkBackingStores(stores))) process.exit(1);

  console.log('Building the portal (cached after the first run)…');
  execFileSync(
    process.execPath,
    [`${WORKSPACE_ROOT}/node_modules/nx/dist/bin/nx.js`, 'build', 'portal', '--output-style=static'],
    {
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    },
  );

  console.log(
    'Starting DynamoDB, S3 and the SMTP sink; migrating, seeding and starting dev-auth, users, inventory, leads…',
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
  });

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const emailWidth = Math.max(...ALL_DEMO_USERS.map((u) => u.email.length)) + 1;
  console.log(`
  Showroom is running (ready in ${seconds} s): ${platform.portalUrl}

  Sign in with any demo account; the password is ${demoPassword()}
${ALL_DEMO_USERS.map((u) => `    ${u.email.padEnd(emailWidth)} ${u.memberships.map(describeMembership).join(', ')}`).join('\n')}

  APIs:     ${platform.portalUrl}/api/inventory/docs · ${platform.portalUrl}/api/users/docs · ${platform.portalUrl}/api/leads/docs
  Sign-in:  http://localhost:${START_PORTS.devAuth}
  E-mail:   ${platform.portalUrl}/dev/mail (every mail sent, caught by the SMTP sink on ${platform.mail.url})
  Ctrl-C stops everything.
`);

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
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${(error as Error).message}`);
  process.exit(1);
});
