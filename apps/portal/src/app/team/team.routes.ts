import { Route } from '@angular/router';
import { requirePermission } from '../core/permissions';

/** Owners and managers administer the team; everyone else never sees these screens. */
export const teamRoutes: Route[] = [
  {
    path: '',
    canActivateChild: [requirePermission('team:manage')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Team · Showroom',
        loadComponent: () => import('./team-page').then((m) => m.TeamPage),
      },
      {
        path: ':userId',
        title: 'Team member · Showroom',
        loadComponent: () => import('./member-page').then((m) => m.MemberPage),
      },
    ],
  },
];
