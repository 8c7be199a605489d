import { Route } from '@angular/router';
import { requirePermission } from '../core/permissions';

export const websiteRoutes: Route[] = [
  {
    path: '',
    title: 'Website · Showroom',
    canActivate: [requirePermission('website:manage')],
    loadComponent: () => import('./website-page').then((m) => m.WebsitePage),
  },
];
