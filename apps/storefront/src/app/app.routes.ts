import { inject } from '@angular/core';
import type { ResolveFn, Route } from '@angular/router';
import { SITE } from './site/site';
import { retailTermsResolver } from './retail/terms-resolver';
import { PAGE_OF_CAR, vehicleResolver } from './vehicle/vehicle-resolver';

/** "Contact us | Demo Motors": the same form Seo.page gives titles, so neither overwrites the other. */
const titled =
  (page: string | null): ResolveFn<string> =>
  () => {
    const name = inject(SITE).name;
    return page ? `${page} | ${name}` : name;
  };

// Every page is its own chunk: a vehicle page loads none of the search's or the home page's code.
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: titled(null),
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'cars',
    pathMatch: 'full',
    title: titled('Cars for sale'),
    loadComponent: () => import('./search/search-page').then((m) => m.SearchPage),
  },
  {
    // The page's title comes from the car (Seo.page), once it is read.
    path: 'cars/:vehicleId/:slug',
    resolve: { lookup: vehicleResolver, terms: retailTermsResolver },
    runGuardsAndResolvers: 'paramsChange',
    loadComponent: () => import('./vehicle/vehicle-page').then((m) => m.VehiclePage),
  },
  {
    // Without its slug (a shortened link): the resolver redirects to the full URL.
    path: 'cars/:vehicleId',
    resolve: { lookup: vehicleResolver },
    loadComponent: () => import('./vehicle/vehicle-page').then((m) => m.VehiclePage),
  },
  {
    // Buying the car online: contact and payment, then the deal page. Its own chunk.
    path: 'cars/:vehicleId/:slug/buy',
    data: { [PAGE_OF_CAR]: '/buy' },
    resolve: { lookup: vehicleResolver, terms: retailTermsResolver },
    loadComponent: () => import('./buy/buy-page').then((m) => m.BuyPage),
  },
  {
    // A shopper's deal: rendered in the browser only (app.routes.server.ts), never indexed or cached.
    path: 'deals/:dealId',
    title: titled('Your deal'),
    loadComponent: () => import('./deals/deal-page').then((m) => m.DealPage),
  },
  {
    path: 'contact',
    title: titled('Contact us'),
    loadComponent: () => import('./pages/contact-page').then((m) => m.ContactPage),
  },
  {
    path: 'thank-you',
    title: titled('Thank you'),
    loadComponent: () => import('./pages/thank-you-page').then((m) => m.ThankYouPage),
  },
  {
    path: '**',
    title: titled('Page not found'),
    loadComponent: () => import('./pages/not-found-page').then((m) => m.NotFoundPage),
  },
];
