import { Route } from '@angular/router';
import { requirePermission } from '../core/permissions';

export const rooftopsRoutes: Route[] = [
  {
    path: '',
    title: 'Rooftops · Showroom',
    canActivate: [requirePermission('rooftops:manage')],
    loadComponent: () => import('./rooftops-page').then((m) => m.RooftopsPage),
  },
];
