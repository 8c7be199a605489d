import { Route } from '@angular/router';
import { requirePermission } from '../core/permissions';

export const retailSettingsRoutes: Route[] = [
  {
    path: '',
    title: 'Retail settings · Showroom',
    canActivate: [requirePermission('retail:configure')],
    loadComponent: () => import('./retail-settings-page').then((m) => m.RetailSettingsPage),
  },
];
