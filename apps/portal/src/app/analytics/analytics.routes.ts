import { Route } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { requirePermission } from '../core/permissions';

/**
 * `/analytics`: the dashboard (analytics:read; salespeople see their own figures, the service
 * decides) and its settings (analytics:configure). ECharts is provided here, as a module loaded
 * when the first chart draws, so neither the portal's first load nor the settings page carries it.
 */
export const analyticsRoutes: Route[] = [
  {
    path: '',
    providers: [provideEchartsCore({ echarts: () => import('./dashboard/echarts-setup') })],
    children: [
      {
        path: '',
        title: 'Analytics · Showroom',
        canActivate: [requirePermission('analytics:read')],
        loadComponent: () => import('./dashboard/analytics-page').then((m) => m.AnalyticsPage),
      },
      {
        path: 'settings',
        title: 'Analytics settings · Showroom',
        canActivate: [requirePermission('analytics:configure', '/analytics')],
        loadComponent: () =>
          import('./settings/analytics-settings-page').then((m) => m.AnalyticsSettingsPage),
      },
    ],
  },
];
