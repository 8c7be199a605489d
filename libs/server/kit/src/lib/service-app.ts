import cors from 'cors';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { BaseConfig } from './config';
import { errorHandler, notFoundHandler, type ErrorReporter } from './errors';
import { healthRoutes, type ReadinessCheck } from './health';
import { requestLogger } from './logging';
import { openApiRoutes, type OpenApiDocument, type OpenApiInfo } from './openapi';

export interface ServiceAppOptions {
  config: BaseConfig;
  logger: Logger;
  readiness: ReadinessCheck[];
  openApi: { document: OpenApiDocument; info: OpenApiInfo };
  /** The service's own routes, mounted after the shared middleware. */
  routes: Router;
  /**
   * Routes that answer other origins than the portal's (a dealership's website, a lead provider):
   * mounted before the shared CORS policy and body parser, so they bring their own.
   */
  publicRoutes?: Router;
  reporter?: ErrorReporter;
  isShuttingDown?: () => boolean;
}

/** The one way a Showroom service is assembled: same security headers, logs, errors and probes everywhere. */
export function createServiceApp(options: ServiceAppOptions): Express {
  const { config, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  // req.ip is the client's address only when exactly the proxies in front of us are trusted.
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.set('etag', false);
  app.use(helmet());
  app.use(
    healthRoutes(options.openApi.info.service, options.readiness, options.isShuttingDown ?? (() => false)),
  );
  app.use(requestLogger(logger));
  if (options.publicRoutes) app.use(options.publicRoutes);
  app.use(
    cors({
      origin: config.CORS_ORIGINS,
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'If-Match',
        'X-Dealership-Id',
        'X-Request-Id',
        'Idempotency-Key',
      ],
      exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(express.json({ limit: config.BODY_LIMIT, strict: true }));
  // Swagger UI needs inline scripts, so its own page relaxes the CSP.
  app.use(`/api/${options.openApi.info.service}/docs`, helmet({ contentSecurityPolicy: false }));
  app.use(openApiRoutes(options.openApi.document, options.openApi.info, config.NODE_ENV !== 'production'));
  app.use(options.routes);
  app.use(notFoundHandler());
  app.use(errorHandler(logger, options.reporter));
  return app;
}
