import { Route } from '@angular/router';
import { requirePermission } from '../core/permissions';
import { PRELOAD } from '../shared/idle-preloading';
import { loadComponentEarly } from '../shared/load-early';
import { READ_AHEAD } from '../shared/read-ahead';
import { leadReadAhead, leadReadEarly } from './lead-detail/lead-read';
import { inboxSearchAhead, inboxSearchEarly } from './lead-inbox/inbox-search';

/**
 * Every role reads leads today; the guard keeps that a decision of `libs/contracts`, not of this file.
 * The inbox and a lead are first screens (a link from a notification): their code downloads while the
 * sign-in is checked, and their data is asked for as soon as the guard has passed, not after the code arrived.
 */
export const leadsRoutes: Route[] = [
  {
    path: '',
    canActivateChild: [requirePermission('leads:read')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Leads · Showroom',
        data: { [PRELOAD]: true },
        canMatch: [loadComponentEarly, inboxSearchEarly],
        resolve: { [READ_AHEAD]: inboxSearchAhead },
        loadComponent: () => import('./lead-inbox/lead-inbox-page').then((m) => m.LeadInboxPage),
      },
      {
        path: 'board',
        title: 'Lead board · Showroom',
        loadComponent: () => import('./lead-board/lead-board-page').then((m) => m.LeadBoardPage),
      },
      {
        path: 'activity',
        title: 'Lead activity · Showroom',
        loadComponent: () => import('./lead-activity/lead-activity-page').then((m) => m.LeadActivityPage),
      },
      {
        path: 'new',
        title: 'New lead · Showroom',
        canActivate: [requirePermission('leads:work', '/leads')],
        loadComponent: () => import('./lead-form/lead-form-page').then((m) => m.LeadFormPage),
      },
      {
        path: 'settings',
        title: 'Lead settings · Showroom',
        canActivate: [requirePermission('leads:configure', '/leads')],
        loadComponent: () => import('./lead-settings/lead-settings-page').then((m) => m.LeadSettingsPage),
      },
      {
        path: ':id',
        title: 'Lead · Showroom',
        data: { [PRELOAD]: true },
        canMatch: [loadComponentEarly, leadReadEarly],
        resolve: { [READ_AHEAD]: leadReadAhead },
        loadComponent: () => import('./lead-detail/lead-detail-page').then((m) => m.LeadDetailPage),
      },
    ],
  },
];
