import { AngularNodeAppEngine, createNodeRequestHandler, isMainModule } from '@angular/ssr/node';
import {
  ConfigError,
  createLogger,
  exitOnSignals,
  listen,
  waivedProductionFaults,
} from '@showroom/server-kit';
import type { Express } from 'express';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeStorefront } from './server/compose';
import { loadStorefrontConfig } from './server/config';

const serverDistFolder = dirname(fileURLToPath(import.meta.url));
const browserFolder = resolve(serverDistFolder, '../browser');

// Every host is allowed here only because the site resolver (server/site-routes.ts) has already
// answered 404 for any host without a published site: Angular never renders for a host Showroom
// does not serve. Listing hosts instead would mean a rebuild for every dealer's domain.
const angularApp = new AngularNodeAppEngine({ allowedHosts: ['*'] });

async function composeFromEnv(isShuttingDown: () => boolean) {
  const config = loadStorefrontConfig();
  const logger = createLogger('storefront', config.LOG_LEVEL);
  for (const fault of waivedProductionFaults(config)) {
    logger.warn(`production guard waived by ALLOW_DEVELOPMENT_DEFAULTS (never in a deployment): ${fault}`);
  }
  const composed = await composeStorefront(config, {
    logger,
    render: (req, context) => angularApp.handle(req, context),
    browserFolder,
    isShuttingDown,
  });
  return { config, logger, ...composed };
}

/** `node dist/apps/storefront/server/server.mjs`: listen, and drain on SIGTERM. */
async function main(): Promise<void> {
  let shuttingDown = false;
  const { config, logger, app, closers } = await composeFromEnv(() => shuttingDown);
  const service = await listen({
    app,
    host: config.HOST,
    port: config.PORT,
    logger,
    graceMs: config.SHUTDOWN_GRACE_MS,
    closers,
    onShuttingDown: () => (shuttingDown = true),
  });
  logger.info(
    `storefront listening on http://${config.HOST}:${config.PORT} (each site at http://<host>:${config.PORT})`,
  );
  exitOnSignals(service, logger);
}

if (isMainModule(import.meta.url) || process.env['pm_id']) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(`storefront cannot start.\n${error.message}`);
    else console.error('storefront failed to start:', error);
    process.exit(1);
  });
}

let devApp: Promise<Express> | undefined;
/** The Angular CLI's dev server (`nx serve storefront`) hands its SSR requests to this. */
export const reqHandler = createNodeRequestHandler(async (req, res, next) => {
  devApp ??= composeFromEnv(() => false).then(({ app }) => app);
  // Express takes plain Node requests and decorates them itself.
  (await devApp)(req as Parameters<Express>[0], res as Parameters<Express>[1], next);
});
