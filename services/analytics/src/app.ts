import { Router, type Express } from 'express';
import {
  createServiceApp,
  type BaseConfig,
  type ReadinessCheck,
  type ServiceRuntime,
} from '@showroom/server-kit';
import { analyticsRoutes, type AnalyticsRouteDeps } from './routes';

/** What the analytics HTTP app is made of (compose.ts builds it; nothing here opens a connection). */
export interface AnalyticsAppDeps {
  config: BaseConfig;
  runtime: ServiceRuntime;
  readiness: ReadinessCheck[];
  routeDeps: AnalyticsRouteDeps;
  /** Routers that answer other origins than the portal's (CORS preflights of the collection routes). */
  publicRoutes: Router[];
}

/** The analytics API on the kit's service app: the route table, problem+json, probes, OpenAPI. */
export function createApp(deps: AnalyticsAppDeps): Express {
  const publicRoutes = deps.publicRoutes.length > 0 ? deps.publicRoutes : undefined;
  return createServiceApp({
    config: deps.config,
    ...deps.runtime,
    readiness: deps.readiness,
    api: {
      info: {
        service: 'analytics',
        title: 'Showroom analytics API',
        description:
          'What sells and what works: business events from the services’ outboxes and shopper events from dealerships’ websites, the dashboard’s reports over them, and the settings behind the reports (first-response target, consent, sampling, monthly source costs).',
      },
      routes: analyticsRoutes,
      deps: deps.routeDeps,
    },
    publicRoutes: publicRoutes && mergedRouters(publicRoutes),
  });
}

/** One router over several, in order (the service app takes one). */
function mergedRouters(routers: Router[]): Router {
  const merged = Router();
  for (const router of routers) merged.use(router);
  return merged;
}
