import { Route } from '@angular/router';
import { dealershipFromUrl } from '../core/dealership-from-url';
import { requirePermission } from '../core/permissions';
import { PRELOAD } from '../shared/idle-preloading';
import { loadComponentEarly } from '../shared/load-early';
import { READ_AHEAD } from '../shared/read-ahead';
import { vehicleSearchAhead, vehicleSearchEarly } from './vehicle-list/vehicle-search';

export const inventoryRoutes: Route[] = [
  {
    // The first screen of most visits: its code downloads while the sign-in and memberships are
    // checked, and its first search starts as soon as they are (not after the code arrived).
    path: '',
    pathMatch: 'full',
    title: 'Inventory · Showroom',
    data: { [PRELOAD]: true },
    canMatch: [loadComponentEarly, vehicleSearchEarly],
    resolve: { [READ_AHEAD]: vehicleSearchAhead },
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
    data: { [PRELOAD]: true },
    canActivate: [dealershipFromUrl],
    loadComponent: () => import('./vehicle-detail/vehicle-detail-page').then((m) => m.VehicleDetailPage),
  },
  {
    path: ':id/edit',
    canActivate: [dealershipFromUrl, requirePermission('inventory:write')],
    loadComponent: () => import('./vehicle-form/vehicle-form-page').then((m) => m.VehicleFormPage),
  },
];
