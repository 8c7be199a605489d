import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startBuilt, WORKSPACE_ROOT, type ManagedProcess, type StartOptions } from './processes';

/** The storefront's SSR server as `nx build storefront` writes it (run as production runs it). */
export const STOREFRONT_SERVER = join(WORKSPACE_ROOT, 'dist', 'apps', 'storefront', 'server', 'server.mjs');

/** Locally every site is a sub-domain of `localhost` (Chromium and curl resolve them to loopback). */
export const LOCAL_SITES_DOMAIN = 'localhost';

/** Where a dealership's site answers on this machine, e.g. http://demo-motors-downtown.localhost:4400. */
export function localSiteUrl(slug: string, storefrontPort: number): string {
  return `http://${slug}.${LOCAL_SITES_DOMAIN}:${storefrontPort}`;
}

/** The built storefront server's path; refuses when it is not built. */
export function builtStorefront(server = STOREFRONT_SERVER): string {
  if (!existsSync(server)) {
    throw new Error(`The storefront is not built (${server}); run: npx nx build storefront`);
  }
  return server;
}

export function startStorefront(server: string, options: StartOptions): ManagedProcess {
  return startBuilt('storefront', server, options);
}
