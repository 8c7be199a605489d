import { Route } from '@angular/router';

/** The signed-in person's own account: every role has one. */
export const accountRoutes: Route[] = [
  {
    path: '',
    title: 'Security · Showroom',
    loadComponent: () => import('./account-page').then((m) => m.AccountPage),
  },
];
