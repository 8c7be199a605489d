import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { API_AUDIENCE } from '@showroom/contracts';
import type { SmtpSink } from '@showroom/server-testing';
import { devInboxRoutes } from './dev-inbox';
import type { PortPlan } from './ports';
import { WORKSPACE_ROOT } from './processes';

export const PORTAL_DIST = join(WORKSPACE_ROOT, 'dist', 'apps', 'portal', 'browser');

export interface EdgeOptions {
  /** Serves the developer inbox at /dev/mail over this sink; never given in production. */
  devInbox?: SmtpSink;
  /** The built portal; the workspace's `dist/apps/portal/browser` unless told otherwise. */
  portalDist?: string;
}

/**
 * What CloudFront and the ALB do in production, on one port: the built portal, its runtime
 * `config.json`, and `/api/<service>` routed to each service. Locally, also the dev inbox.
 */
export function startEdge(ports: PortPlan, options: EdgeOptions = {}): Promise<Server> {
  const portalDist = options.portalDist ?? PORTAL_DIST;
  if (!existsSync(join(portalDist, 'index.html'))) {
    throw new Error(`The portal is not built (${portalDist}); run: npx nx build portal`);
  }
  const app = express();
  app.disable('x-powered-by');
  app.get('/config.json', (_req, res) => {
    res.json({
      auth: {
        domain: `http://localhost:${ports.devAuth}`,
        clientId: 'showroom-portal',
        audience: API_AUDIENCE,
      },
    });
  });
  for (const [service, port] of [
    ['inventory', ports.inventory],
    ['users', ports.users],
    ['leads', ports.leads],
  ] as const) {
    app.use(
      createProxyMiddleware({
        pathFilter: `/api/${service}`,
        target: `http://127.0.0.1:${port}`,
        xfwd: true,
      }),
    );
  }
  if (options.devInbox) app.use(devInboxRoutes(options.devInbox));
  app.use(express.static(portalDist, { index: false, maxAge: '1h' }));
  // Client-side routes: every other GET is the app shell.
  app.get(/^(?!\/api\/).*/, (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(join(portalDist, 'index.html'));
  });
  return new Promise((resolve) => {
    const server = app.listen(ports.portal, '127.0.0.1', () => resolve(server));
  });
}
