import { RESPONSE_INIT, inject } from '@angular/core';
import { RedirectCommand, Router } from '@angular/router';

/**
 * For a guard or resolver: go to `path` instead, permanently. On the server the response becomes
 * a 301 to it (Angular SSR answers a navigation that ended elsewhere with a redirect carrying
 * RESPONSE_INIT's status), so search engines keep one URL per page; in the browser it replaces
 * the URL. Call it in an injection context.
 *
 * ```ts
 * if (params['slug'] !== vehicleSlug(vehicle)) return permanentRedirect(vehiclePath(vehicle));
 * ```
 */
export function permanentRedirect(path: string): RedirectCommand {
  const responseInit = inject(RESPONSE_INIT, { optional: true });
  if (responseInit) responseInit.status = 301;
  return new RedirectCommand(inject(Router).parseUrl(path), { replaceUrl: true });
}
