import compression from 'compression';
import cors from 'cors';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { BaseConfig } from './config';
import { errorHandler, notFoundHandler, type ErrorReporter } from './errors';
import { healthRoutes, type ReadinessCheck } from './health';
import type { ServiceRuntime } from './lifecycle';
import { requestLogger } from './logging';
import { createErrorReporter } from './observability';
import { verifyAccessToken } from './auth';
import { OpenApiDocument, openApiRoutes, type OpenApiInfo } from './openapi';
import { checkRouteTable, isEdgeRoute, routerOf, type ReadConsistency, type Route } from './routes';

/** A service's route table and what its handlers are given. */
export interface ServiceApi<Deps> {
  /** The document's version is APP_VERSION unless given. */
  info: Omit<OpenApiInfo, 'version'> & { version?: string };
  routes: readonly Route<Deps>[];
  deps: Deps;
}

export interface ServiceAppOptions<Deps = unknown> extends ServiceRuntime {
  config: BaseConfig;
  readiness: ReadinessCheck[];
  /**
   * The route table: its routes are served (public and ingest-key routes before the portal's CORS
   * policy and body parser, as they bring their own) and documented at /api/<service>/openapi.json.
   */
  api: ServiceApi<Deps>;
  /**
   * Routes that answer other origins than the portal's (a dealership's website, a lead provider):
   * mounted before the shared CORS policy and body parser, so they bring their own.
   */
  publicRoutes?: Router;
  /** Where unexpected errors are reported; by default Bugsnag when the config has its key. */
  reporter?: ErrorReporter;
  /** Read-your-writes for a service that reads from replicas (its Database's ReadYourWrites). */
  reads?: ReadConsistency;
}

/** What a service compresses: what `compression` would (a compressible type, a client that accepts it), bar event streams. */
export function compressedAnswer(req: express.Request, res: express.Response): boolean {
  if (String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream')) return false;
  return compression.filter(req, res);
}

/** The one way a Showroom service is assembled: same security headers, logs, errors and probes everywhere. */
export function createServiceApp<Deps>(options: ServiceAppOptions<Deps>): Express {
  const { config, logger } = options;
  const info = { version: config.APP_VERSION, ...options.api.info };
  const document = OpenApiDocument.of(info, options.api.routes as readonly Route<never>[]);
  const table = tableRouters(options.api, config, options.reads);
  const app = express();
  app.disable('x-powered-by');
  // req.ip is the client's address only when exactly the proxies in front of us are trusted.
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.set('etag', false);
  app.use(helmet());
  // Answers are compressed here, not at the edge: CloudFront's /api/* behaviour does not cache, so it
  // does not compress either, and a phone on a slow network would get a page of vehicles as ~24 kB
  // of JSON instead of ~4 kB. Tokens travel in headers, never in a compressed body with a caller's
  // input beside a secret (BREACH). Never an event stream: compressing would hold its events back.
  app.use(compression({ filter: compressedAnswer }));
  app.use(healthRoutes(info.service, options.readiness, logger, options.isShuttingDown ?? (() => false)));
  app.use(requestLogger(logger));
  // Before the table: its router answers OPTIONS on its paths by itself (Express's automatic Allow).
  if (options.publicRoutes) app.use(options.publicRoutes);
  app.use(table.edge);
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
  app.use(`/api/${info.service}/docs`, helmet({ contentSecurityPolicy: false }));
  app.use(openApiRoutes(document, info, config.NODE_ENV !== 'production'));
  app.use(table.portal);
  app.use(notFoundHandler());
  app.use(errorHandler(logger, options.reporter ?? createErrorReporter(config, logger)));
  return app;
}

/** The table's routers: `edge` for public and ingest-key routes, `portal` for the rest. */
function tableRouters<Deps>(
  api: ServiceApi<Deps>,
  config: BaseConfig,
  reads: ReadConsistency | undefined,
): { edge: Router; portal: Router } {
  const options = {
    authenticate: verifyAccessToken({
      issuerBaseURL: config.AUTH_ISSUER_BASE_URL,
      audience: config.AUTH_AUDIENCE,
    }),
    machineClients: config.MACHINE_CLIENT_IDS,
    reads,
  };
  const edge = api.routes.filter((r) => isEdgeRoute(r as Route<never>));
  const portal = api.routes.filter((r) => !isEdgeRoute(r as Route<never>));
  checkRouteTable(api.routes as readonly Route<never>[]);
  return { edge: routerOf(edge, api.deps, options), portal: routerOf(portal, api.deps, options) };
}
