import { Route } from '@angular/router';
import { authGuardFn } from '@auth0/auth0-angular';
import { sessionLoaded } from './core/session';
import { inventoryRoutes } from './inventory/inventory.routes';
import { leadsRoutes } from './leads/leads.routes';
import { loadComponentEarly } from './shared/load-early';

/**
 * Every screen is lazy: the initial bundle holds bootstrap, router, the Auth0 SDK and the route
 * tables of the first screens. Those of the inventory and the leads are in it (a few kB, no screen's
 * code), so the router matches `/inventory` or `/leads/…` at once and starts downloading the shell and
 * the screen while the sign-in is checked (`loadComponentEarly`), where a lazy route table would first
 * cost two round trips of its own. Their screens and records load ahead once the first screen is done
 * (`IdlePreloading`).
 */
export const appRoutes: Route[] = [
  {
    path: 'sign-in/error',
    title: 'Sign-in problem · Showroom',
    loadComponent: () => import('./sign-in/sign-in-error-page').then((m) => m.SignInErrorPage),
  },
  {
    // The link of an invitation e-mail: the invitee has no account yet, so no sign-in guard and no shell.
    path: 'invitations/:token',
    title: 'Your invitation · Showroom',
    loadComponent: () => import('./invitation/invitation-page').then((m) => m.InvitationPage),
  },
  {
    path: '',
    canMatch: [loadComponentEarly],
    canActivate: [authGuardFn],
    canActivateChild: [sessionLoaded],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'inventory' },
      { path: 'inventory', children: inventoryRoutes },
      { path: 'leads', children: leadsRoutes },
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
        path: 'team',
        loadChildren: () => import('./team/team.routes').then((m) => m.teamRoutes),
      },
      {
        path: 'account',
        loadChildren: () => import('./account/account.routes').then((m) => m.accountRoutes),
      },
      {
        path: '**',
        title: 'Page not found · Showroom',
        loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
