import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { ConfigError, waivedProductionFaults, type BaseConfig } from './config';
import { createLogger } from './logging';

export interface RunningService {
  server: Server;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then runs the closers. */
  shutdown(reason: string): Promise<void>;
}

export interface ListenOptions {
  app: Express;
  host: string;
  port: number;
  logger: Logger;
  graceMs: number;
  /** Closed in order after the HTTP server has drained: pools, clients. */
  closers: Array<() => Promise<unknown>>;
  onShuttingDown?: () => void;
}

export async function listen(options: ListenOptions): Promise<RunningService> {
  const { app, host, port, logger } = options;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  // Keep-alive sockets of a load balancer must outlive its idle timeout (ALB: 60 s).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'shutting down: draining in-flight requests');
      options.onShuttingDown?.();
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets turn idle as their last response ends; close each as soon as it does.
      const reaper = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      void drained.then(() => clearInterval(reaper));
      const forced = new Promise<void>((resolve) =>
        setTimeout(() => {
          logger.warn('grace period over: closing remaining connections');
          server.closeAllConnections();
          resolve();
        }, options.graceMs).unref(),
      );
      await Promise.race([drained, forced]);
      clearInterval(reaper);
      for (const close of options.closers) {
        await close().catch((error: unknown) => logger.error({ err: error }, 'error while closing'));
      }
      logger.info('stopped');
    })());
  return { server, shutdown };
}

/** Wires SIGTERM/SIGINT to a graceful shutdown and exits afterwards. */
export function exitOnSignals(service: RunningService, logger: Logger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      service.shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.fatal({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

/** What a service's composition root is given besides its configuration. */
export interface ServiceRuntime {
  logger: Logger;
  /** Whether a shutdown has begun: `/readyz` then turns the load balancer away while requests drain. */
  isShuttingDown?: () => boolean;
}

export interface ServiceParts {
  app: Express;
  /** Closed in order after the HTTP server has drained. */
  closers: Array<() => Promise<unknown>>;
}

/** A service as its one composition root wires it: main.ts serves it, the tests run it in-process. */
export interface ComposedService extends ServiceParts {
  /** Brings the schema up to date; the names of the migrations it applied. */
  migrate(): Promise<string[]>;
  /** Starts work that runs beside the requests (an index build, a feed follower), once the schema is current. */
  startBackground?(): void;
}

/**
 * The whole life of a service process: load config (a bad variable stops it with a message naming
 * it), build the parts, listen, and drain on SIGTERM. `build` receives whether a shutdown has begun,
 * so `/readyz` can turn the load balancer away while requests drain.
 */
export function runService<C extends BaseConfig & { PORT: number }>(
  name: string,
  loadServiceConfig: () => C,
  build: (config: C, logger: Logger, isShuttingDown: () => boolean) => Promise<ServiceParts>,
): void {
  let shuttingDown = false;
  const start = async () => {
    const config = loadServiceConfig();
    const logger = createLogger(name, config.LOG_LEVEL);
    for (const fault of waivedProductionFaults(config)) {
      logger.warn(`production guard waived by ALLOW_DEVELOPMENT_DEFAULTS (never in a deployment): ${fault}`);
    }
    const { app, closers } = await build(config, logger, () => shuttingDown);
    const service = await listen({
      app,
      host: config.HOST,
      port: config.PORT,
      logger,
      graceMs: config.SHUTDOWN_GRACE_MS,
      closers,
      onShuttingDown: () => (shuttingDown = true),
    });
    logger.info(`${name} service listening on http://${config.HOST}:${config.PORT}`);
    exitOnSignals(service, logger);
  };
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(`${name} service cannot start.\n${error.message}`);
    else console.error(`${name} service failed to start:`, error);
    process.exit(1);
  });
}

/**
 * main.ts of a service with one composition root: `runService` around `compose`, migrating the
 * schema before the port opens.
 */
export function runComposedService<C extends BaseConfig & { PORT: number }>(
  name: string,
  loadServiceConfig: () => C,
  compose: (config: C, runtime: ServiceRuntime) => ComposedService,
): void {
  runService(name, loadServiceConfig, async (config, logger, isShuttingDown) => {
    const service = compose(config, { logger, isShuttingDown });
    const applied = await service.migrate();
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    service.startBackground?.();
    return service;
  });
}
