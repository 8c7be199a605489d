import { lookup } from 'node:dns/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { demoAccountStore } from './accounts';
import { createDevAuth } from './app';
import { ConfigError, loadConfig, type DevAuthConfig } from './config';
import { loadOrCreateSigningKeys } from './keys';
import { membershipsFromUsersService } from './memberships';

const SHUTDOWN_GRACE_MS = 5000;

async function main(): Promise<void> {
  let config: DevAuthConfig;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  const logger = pino({ level: config.logLevel });
  const keys = await loadOrCreateSigningKeys(config.keysFile);
  const accounts = await demoAccountStore(process.env, { file: config.accountsFile });

  // Bound before the app exists, so the machine-token client knows the real port (DEV_AUTH_PORT=0).
  const server = createServer();
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const selfUrl = `http://${loopbackHost(config.host)}:${port}`;

  const memberships = membershipsFromUsersService(config, selfUrl);
  server.on('request', createDevAuth({ config, keys, accounts, memberships, logger }));

  logger.info(
    {
      issuer: config.issuer,
      listening: `${config.host}:${port}`,
      usersApiUrl: config.usersApiUrl,
      portalUrls: config.portalUrls,
      keysFile: config.keysFile,
      passwordGrant: config.passwordGrantEnabled,
      mfaRequiredRoles: config.mfaRequiredRoles,
      passwordMaxAgeDays: config.passwordMaxAgeDays,
      // The host only: SMTP_URL may carry credentials.
      securityMail: config.smtpUrl ? new URL(config.smtpUrl).host : 'logged, not sent (SMTP_URL is not set)',
    },
    `dev-auth ready: ${config.issuer}.well-known/openid-configuration`,
  );
  await warnIfIssuerHostMissesBinding(config, logger);
  handleShutdown(server, logger);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function loopbackHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Browsers reach the issuer by name (localhost): say so when that name does not lead here. */
async function warnIfIssuerHostMissesBinding(config: DevAuthConfig, logger: Logger): Promise<void> {
  if (config.host === '0.0.0.0' || config.host === '::') return;
  const { hostname } = new URL(config.issuer);
  const addresses = await lookup(hostname, { all: true }).catch(() => []);
  const bound = config.host.replace(/^\[|\]$/g, '');
  if (hostname !== bound && !addresses.some(({ address }) => address === bound)) {
    logger.warn(
      { issuerHost: hostname, resolvesTo: addresses.map(({ address }) => address), boundTo: bound },
      'the issuer host name does not resolve to the address dev-auth listens on; set DEV_AUTH_HOST',
    );
  }
}

function handleShutdown(server: Server, logger: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'dev-auth stopping');
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error('dev-auth failed to start:', err);
  process.exit(1);
});
