import { Route } from '@angular/router';
import { requirePermission } from '../core/permissions';

/** Every role reads leads today; the guard keeps that a decision of `libs/contracts`, not of this file. */
export const leadsRoutes: Route[] = [
  {
    path: '',
    canActivateChild: [requirePermission('leads:read')],
    children: [
      {
        path: '',
        title: 'Leads · Showroom',
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
        loadComponent: () => import('./lead-detail/lead-detail-page').then((m) => m.LeadDetailPage),
      },
    ],
  },
];
