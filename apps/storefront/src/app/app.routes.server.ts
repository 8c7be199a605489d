import { RenderMode, type ServerRoute } from '@angular/ssr';

// Every page depends on the host's dealership (its site reaches the browser in the transfer state)
// and on its current cars: each is rendered per request, none prerendered or left to the browser.
export const serverRoutes: ServerRoute[] = [{ path: '**', renderMode: RenderMode.Server }];
