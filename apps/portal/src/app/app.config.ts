import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  Injector,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZoneChangeDetection,
  runInInjectionContext,
} from '@angular/core';
import { provideProtractorTestingSupport } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { AuthClientConfig, authHttpInterceptorFn, provideAuth0 } from '@auth0/auth0-angular';
import { appRoutes } from './app.routes';
import { apiBypassesServiceWorker } from './core/api-bypasses-service-worker';
import { dealershipInterceptor } from './core/dealership.interceptor';
import { loadRuntimeConfig, toAuthConfig } from './core/runtime-config';
import { loadSessionOnceSignedIn } from './core/session';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // QA's Protractor suite waits on zone.js stability and needs the testability API (STACK.md).
    provideZoneChangeDetection({ eventCoalescing: true }),
    provideProtractorTestingSupport(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
    provideHttpClient(
      withInterceptors([dealershipInterceptor, authHttpInterceptorFn, apiBypassesServiceWorker]),
    ),
    // The app's code for the next visit (apps/portal/ngsw-config.json): production builds only, and
    // registered once the first screen is done (or after 30 s) so it never competes with it.
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:30000',
    }),
    // Configured at startup from config.json, before anything injects the Auth0 client.
    provideAuth0(),
    provideAppInitializer(async () => {
      const injector = inject(Injector);
      const config = await loadRuntimeConfig((input, init) => fetch(input, init));
      injector.get(AuthClientConfig).set(toAuthConfig(config, window.location.origin));
      // Not awaited: the dealer loads beside the first navigation, not before it.
      runInInjectionContext(injector, loadSessionOnceSignedIn);
    }),
  ],
};
