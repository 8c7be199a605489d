import { InjectionToken, REQUEST_CONTEXT, TransferState, inject, makeStateKey } from '@angular/core';
import type { PublishedSite } from '@showroom/contracts';
import { SITE_STATE_KEY } from './site-state-key';

/** The dealership site being rendered: what provisioning published for the request's host. */
export interface StorefrontSite extends PublishedSite {
  /** The API origin a shopper's browser calls, e.g. http://localhost:4200 (the edge). */
  apiOrigin: string;
}

/**
 * What the storefront server hands to Angular with each request (`angularApp.handle(req, context)`):
 * the site chosen by the Host header, and where the server itself reads the inventory and retail APIs.
 */
export interface StorefrontRequestContext {
  site: StorefrontSite;
  /** Server-side origin of the inventory API (INVENTORY_API_URL), e.g. http://127.0.0.1:3001. */
  inventoryApiUrl: string;
  /** Server-side origin of the retail API (RETAIL_API_URL), e.g. http://127.0.0.1:3004. */
  retailApiUrl: string;
}

const SITE_STATE = makeStateKey<StorefrontSite>(SITE_STATE_KEY);

/** The request context on the server; null in the browser (and in unit tests). */
export function storefrontRequestContext(): StorefrontRequestContext | null {
  const context = inject(REQUEST_CONTEXT, { optional: true }) as StorefrontRequestContext | null;
  return context?.site ? context : null;
}

/**
 * The site of this page. The server reads it from the request context and writes it into the
 * transfer state, so the browser, which cannot know the host's configuration, reads the same one.
 */
export const SITE = new InjectionToken<StorefrontSite>('SITE', {
  providedIn: 'root',
  factory: () => {
    const state = inject(TransferState);
    const context = storefrontRequestContext();
    if (context) {
      state.set(SITE_STATE, context.site);
      return context.site;
    }
    const site = state.get(SITE_STATE, null);
    if (!site)
      throw new Error('No site: the page was not rendered by the storefront server for a known host');
    return site;
  },
});
