import { Route } from '@angular/router';
import { authGuardFn } from '@auth0/auth0-angular';
import { sessionLoaded } from './core/session';

/** Every screen is lazy: the initial bundle holds only bootstrap, router and the Auth0 SDK. */
export const appRoutes: Route[] = [
  {
    path: 'sign-in/error',
    title: 'Sign-in problem · Showroom',
    loadComponent: () => import('./sign-in/sign-in-error-page').then((m) => m.SignInErrorPage),
  },
  {
    path: '',
    canActivate: [authGuardFn],
    canActivateChild: [sessionLoaded],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'inventory' },
      {
        path: 'inventory',
        loadChildren: () => import('./inventory/inventory.routes').then((m) => m.inventoryRoutes),
      },
      {
        path: 'leads',
        loadChildren: () => import('./leads/leads.routes').then((m) => m.leadsRoutes),
      },
      {
        path: 'deals',
        loadChildren: () => import('./deals/deals.routes').then((m) => m.dealsRoutes),
      },
      {
        path: 'retail-settings',
        loadChildren: () =>
          import('./retail-settings/retail-settings.routes').then((m) => m.retailSettingsRoutes),
      },
      {
        path: 'analytics',
        loadChildren: () => import('./analytics/analytics.routes').then((m) => m.analyticsRoutes),
      },
      {
        path: 'website',
        loadChildren: () => import('./website/website.routes').then((m) => m.websiteRoutes),
      },
      {
        path: 'rooftops',
        loadChildren: () => import('./rooftops/rooftops.routes').then((m) => m.rooftopsRoutes),
      },
      {
        path: '**',
        title: 'Page not found · Showroom',
        loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
