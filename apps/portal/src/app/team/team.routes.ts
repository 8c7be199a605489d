import { Route } from '@angular/router';
import { dealershipFromUrl } from '../core/dealership-from-url';
import { requirePermission } from '../core/permissions';

/**
 * Owners and managers administer the team; everyone else never sees these screens. A group's owner
 * also sees everyone across the group's rooftops (`group`), whose links open a member's page at one
 * rooftop: `?dealership=` switches to it before the page's permission is checked there.
 */
export const teamRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Team · Showroom',
    canActivate: [requirePermission('team:manage')],
    loadComponent: () => import('./team-page').then((m) => m.TeamPage),
  },
  {
    // Auth0 ids hold a "|" (`auth0|…`), so no member's id is `group`.
    path: 'group',
    title: 'Group people · Showroom',
    canActivate: [requirePermission('rooftops:manage', '/team')],
    loadComponent: () => import('./group-people-page').then((m) => m.GroupPeoplePage),
  },
  {
    path: ':userId',
    title: 'Team member · Showroom',
    canActivate: [dealershipFromUrl, requirePermission('team:manage')],
    loadComponent: () => import('./member-page').then((m) => m.MemberPage),
  },
];
