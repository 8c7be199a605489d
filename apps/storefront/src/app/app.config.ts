import { provideHttpClient, withFetch } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import {
  provideClientHydration,
  withEventReplay,
  withHttpTransferCacheOptions,
  withIncrementalHydration,
} from '@angular/platform-browser';
import { provideRouter, withInMemoryScrolling } from '@angular/router';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withInMemoryScrolling({ scrollPositionRestoration: 'enabled' })),
    provideHttpClient(withFetch()),
    // The server's API answers travel in the page (the public API takes no credentials or
    // cookies), so hydrating a page sends no request the server already made.
    // Incremental hydration: `@defer (…; hydrate on …)` blocks are rendered on the server like the
    // rest of the page, but hydrated only when their trigger fires (below the fold: when scrolled to),
    // so the first hydration is the part a visitor sees first — far less work on a slow phone.
    provideClientHydration(
      withEventReplay(),
      withIncrementalHydration(),
      withHttpTransferCacheOptions({ includePostRequests: false }),
    ),
  ],
};
