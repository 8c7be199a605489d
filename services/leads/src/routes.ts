import { adfRoutes } from './capture/adf-routes';
import type { CaptureRouteDeps } from './capture/capture-route-deps';
import { publicLeadRoutes } from './capture/public-routes';
import { dealLeadRoutes, type DealLeadRouteDeps } from './deal-leads/deal-lead-routes';
import { leadRoutes, type LeadRouteDeps } from './leads/lead-routes';
import { memberReleaseRoutes, type MemberReleaseRouteDeps } from './routing/member-release-routes';
import { settingsRoutes, type SettingsRouteDeps } from './settings/settings-routes';

/** What every leads route is given. */
export type LeadsRouteDeps = CaptureRouteDeps &
  LeadRouteDeps &
  SettingsRouteDeps &
  DealLeadRouteDeps &
  MemberReleaseRouteDeps;

/**
 * The leads API: every route, once. The router, the OpenAPI document and the route matrix come
 * from this table. Static paths come before parameters (`/leads/counts` before `/leads/:id`).
 */
export const leadsRoutes = [
  ...publicLeadRoutes,
  ...adfRoutes,
  ...leadRoutes,
  ...settingsRoutes,
  ...dealLeadRoutes,
  ...memberReleaseRoutes,
];
