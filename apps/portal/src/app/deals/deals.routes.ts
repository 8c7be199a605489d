import { Route } from '@angular/router';
import { requirePermission } from '../core/permissions';

/** Digital-retailing deals: the inbox and the desk (sales see the deals of their own leads; the service decides). */
export const dealsRoutes: Route[] = [
  {
    path: '',
    canActivateChild: [requirePermission('deals:read')],
    children: [
      {
        path: '',
        title: 'Deals · Showroom',
        loadComponent: () => import('./deal-inbox/deal-inbox-page').then((m) => m.DealInboxPage),
      },
      {
        path: ':dealId',
        title: 'Deal desk · Showroom',
        loadComponent: () => import('./deal-desk/deal-desk-page').then((m) => m.DealDeskPage),
      },
    ],
  },
];
