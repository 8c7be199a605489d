import type { CanMatchFn } from '@angular/router';

/**
 * Starts downloading a route's lazy component as soon as the URL is matched. The router itself loads
 * `loadComponent` only after the route's guards and resolvers have finished (the sign-in check, the
 * dealer's memberships), so on a slow network the screen's code would wait for those round trips
 * first; `canMatch` runs before them, while the URL is matched. Always matches: it only starts the
 * download, and the router's own loading later finds the module arrived or on its way (the browser
 * fetches a module once). A failed download is the router's to report, when it loads the route.
 */
export const loadComponentEarly: CanMatchFn = (route) => {
  const loading: unknown = route.loadComponent?.();
  if (loading instanceof Promise) loading.catch(() => undefined);
  return true;
};
