import { Route } from '@angular/router';
import { dealershipFromUrl } from '../core/dealership-from-url';
import { requirePermission } from '../core/permissions';

export const inventoryRoutes: Route[] = [
  {
    path: '',
    title: 'Inventory · Showroom',
    loadComponent: () => import('./vehicle-list/vehicle-list-page').then((m) => m.VehicleListPage),
  },
  {
    path: 'new',
    canActivate: [requirePermission('inventory:write')],
    loadComponent: () => import('./vehicle-form/vehicle-form-page').then((m) => m.VehicleFormPage),
  },
  {
    path: 'syndication',
    title: 'Channels · Showroom',
    canActivate: [requirePermission('inventory:syndicate')],
    loadComponent: () => import('./syndication/syndication-page').then((m) => m.SyndicationPage),
  },
  {
    path: 'import',
    title: 'Import · Showroom',
    canActivate: [requirePermission('inventory:write')],
    loadComponent: () => import('./import/import-page').then((m) => m.ImportPage),
  },
  {
    path: ':id',
    title: 'Vehicle · Showroom',
    canActivate: [dealershipFromUrl],
    loadComponent: () => import('./vehicle-detail/vehicle-detail-page').then((m) => m.VehicleDetailPage),
  },
  {
    path: ':id/edit',
    canActivate: [dealershipFromUrl, requirePermission('inventory:write')],
    loadComponent: () => import('./vehicle-form/vehicle-form-page').then((m) => m.VehicleFormPage),
  },
];
