import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { siteConfigKeys } from '@showroom/contracts';
import type { ObjectStore } from '@showroom/server-storage';
import { startBuilt, WORKSPACE_ROOT, type ManagedProcess, type StartOptions } from './processes';

/** The storefront's SSR server as `nx build storefront` writes it (run as production runs it). */
export const STOREFRONT_SERVER = join(WORKSPACE_ROOT, 'dist', 'apps', 'storefront', 'server', 'server.mjs');

/** Locally every site is a sub-domain of `localhost` (Chromium and curl resolve them to loopback). */
export const LOCAL_SITES_DOMAIN = 'localhost';

/** Where a dealership's site answers on this machine, e.g. http://demo-motors-downtown.localhost:4400. */
export function localSiteUrl(slug: string, storefrontPort: number): string {
  return `http://${slug}.${LOCAL_SITES_DOMAIN}:${storefrontPort}`;
}

/** Starts the built storefront server; refuses when it is not built. */
export function startStorefront(options: StartOptions & { server?: string }): ManagedProcess {
  const server = options.server ?? STOREFRONT_SERVER;
  if (!existsSync(server)) {
    throw new Error(`The storefront is not built (${server}); run: npx nx build storefront`);
  }
  return startBuilt('storefront', server, options);
}

/** What the banner says of a published site. */
export interface PublishedDemoSite {
  dealershipId: string;
  name: string;
  slug: string;
}

/**
 * The sites provisioning has published for these dealerships (their `sites/dealerships/<id>.json`),
 * waiting up to `timeoutMs` for all of them; those still missing then are left out.
 */
export async function waitForPublishedSites(
  media: ObjectStore,
  dealershipIds: readonly string[],
  timeoutMs: number,
): Promise<PublishedDemoSite[]> {
  const deadline = Date.now() + timeoutMs;
  const found = new Map<string, PublishedDemoSite>();
  for (;;) {
    for (const id of dealershipIds.filter((id) => !found.has(id))) {
      const object = await media.get(siteConfigKeys.forDealership(id));
      if (!object) continue;
      const { name, slug } = JSON.parse(object.body.toString('utf8')) as { name: string; slug: string };
      found.set(id, { dealershipId: id, name, slug });
    }
    if (found.size === dealershipIds.length || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return dealershipIds.flatMap((id) => found.get(id) ?? []);
}
