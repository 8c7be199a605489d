import { HTTP_TRANSFER_CACHE_ORIGIN_MAP } from '@angular/common/http';
import { ApplicationConfig, inject, mergeApplicationConfig, provideAppInitializer } from '@angular/core';
import { provideServerRendering, withRoutes } from '@angular/ssr';
import { appConfig } from './app.config';
import { serverRoutes } from './app.routes.server';
import { SITE, storefrontRequestContext } from './site/site';

const serverConfig: ApplicationConfig = {
  providers: [
    provideServerRendering(withRoutes(serverRoutes)),
    // Puts the site into the transfer state on every page, whether or not the page asked for it
    // (the build's route extraction bootstraps without a request: nothing to put then).
    provideAppInitializer(() => {
      if (storefrontRequestContext()) inject(SITE);
    }),
    {
      // The server reads the inventory and retail APIs at INVENTORY_API_URL and RETAIL_API_URL, the
      // browser at the public edge: the transfer cache must file the server's answers under the
      // browser's URLs.
      provide: HTTP_TRANSFER_CACHE_ORIGIN_MAP,
      useFactory: (): Record<string, string> => {
        const context = storefrontRequestContext();
        if (!context) return {};
        const browser = new URL(context.site.apiOrigin).origin;
        const map: Record<string, string> = {};
        for (const url of [context.inventoryApiUrl, context.retailApiUrl]) {
          const server = new URL(url).origin;
          if (server !== browser) map[server] = browser;
        }
        return map;
      },
    },
  ],
};

export const config = mergeApplicationConfig(appConfig, serverConfig);
