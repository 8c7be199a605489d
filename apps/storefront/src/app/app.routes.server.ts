import { RenderMode, type ServerRoute } from '@angular/ssr';

// Every page depends on the host's dealership (its site reaches the browser in the transfer state)
// and on its current cars: each is rendered per request, none prerendered. The one exception is a
// shopper's deal: the server cannot read it (the access token lives in the shopper's browser), so
// it sends the app's shell (with the site, see server/pages.ts) and the browser renders the deal.
export const serverRoutes: ServerRoute[] = [
  { path: 'deals/:dealId', renderMode: RenderMode.Client, headers: { 'X-Robots-Tag': 'noindex' } },
  { path: '**', renderMode: RenderMode.Server },
];
