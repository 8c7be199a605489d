import { InjectionToken, inject } from '@angular/core';
import { SITE, storefrontRequestContext } from '../site/site';

/**
 * Where HttpClient reaches the APIs: on the server the inventory service directly
 * (INVENTORY_API_URL), in the browser the public edge (the site's apiOrigin). The server maps the
 * first onto the second for the HTTP transfer cache, so hydration reuses the server's answers.
 */
export const INVENTORY_API_ORIGIN = new InjectionToken<string>('INVENTORY_API_ORIGIN', {
  providedIn: 'root',
  factory: () => withoutTrailingSlash(storefrontRequestContext()?.inventoryApiUrl ?? inject(SITE).apiOrigin),
});

/**
 * The same for the retail API (the dealership's payment terms): RETAIL_API_URL on the server, the
 * site's apiOrigin in the browser, mapped onto each other for the transfer cache likewise.
 * Shopper deal calls go from the browser only, always to the apiOrigin.
 */
export const RETAIL_API_ORIGIN = new InjectionToken<string>('RETAIL_API_ORIGIN', {
  providedIn: 'root',
  factory: () => withoutTrailingSlash(storefrontRequestContext()?.retailApiUrl ?? inject(SITE).apiOrigin),
});

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
