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

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
