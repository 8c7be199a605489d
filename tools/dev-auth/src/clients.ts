import type { ClientMetadata } from 'oidc-provider';
import {
  HOLD_VEHICLES_SCOPE,
  READ_DEALERSHIPS_SCOPE,
  READ_INVENTORY_SCOPE,
  READ_LEAD_ASSIGNEES_SCOPE,
  READ_MEMBERSHIPS_SCOPE,
  READ_TEAM_SCOPE,
  RELEASE_MEMBER_LEADS_SCOPE,
  WRITE_DEAL_LEADS_SCOPE,
  WRITE_ANALYTICS_EVENTS_SCOPE,
  WRITE_SITE_ORIGINS_SCOPE,
} from '@showroom/contracts';
import type { DevAuthConfig } from './config';

export const PORTAL_CLIENT_ID = 'showroom-portal';
export const E2E_CLIENT_ID = 'showroom-e2e';
export const ACTIONS_CLIENT_ID = 'showroom-actions';
export const SERVICES_CLIENT_ID = 'showroom-services';
export const MANAGEMENT_CLIENT_ID = 'showroom-management';

/** The Management API permissions the users service's M2M application is granted. */
export const MANAGEMENT_SCOPES = [
  'read:users',
  'create:users',
  'update:users',
  'create:user_tickets',
  'read:logs',
  'read:logs_users',
  'delete:guardian_enrollments',
  'delete:sessions',
] as const;

/** Auth0's grant type for "Resource Owner Password with realm" (a connection name). */
export const PASSWORD_REALM_GRANT = 'http://auth0.com/oauth/grant-type/password-realm';
export const PASSWORD_GRANT = 'password';
/** Auth0's grants that complete a password grant answered with `mfa_required`. */
export const MFA_OTP_GRANT = 'http://auth0.com/oauth/grant-type/mfa-otp';
export const MFA_RECOVERY_CODE_GRANT = 'http://auth0.com/oauth/grant-type/mfa-recovery-code';
/** The only realm (Auth0 "database connection") dev-auth has. */
export const DEFAULT_REALM = 'Username-Password-Authentication';

/** What the services' machine token may carry (Auth0: the M2M application's client grant). */
export const SERVICES_API_SCOPES = [
  READ_TEAM_SCOPE,
  READ_INVENTORY_SCOPE,
  READ_DEALERSHIPS_SCOPE,
  WRITE_SITE_ORIGINS_SCOPE,
  HOLD_VEHICLES_SCOPE,
  WRITE_DEAL_LEADS_SCOPE,
  READ_LEAD_ASSIGNEES_SCOPE,
  RELEASE_MEMBER_LEADS_SCOPE,
  // Leads, inventory and retail post their outboxes' business events to analytics.
  WRITE_ANALYTICS_EVENTS_SCOPE,
] as const;

/** What a user token may carry for the API: the OIDC scopes, as in an Auth0 access token. */
export const USER_API_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

export interface RegisteredClient {
  metadata: ClientMetadata;
  /** Origins allowed to call the token, userinfo and revocation endpoints from a browser. */
  webOrigins: string[];
  /** API scopes the client may hold (Auth0: the client grant's scopes, or user scopes). */
  apiScopes: readonly string[];
  /** Management API scopes (Auth0: a client grant for the Management API); none means no access. */
  managementScopes?: readonly string[];
}

/** Every client dev-auth knows, as one would register them in the Auth0 tenant. */
export function registeredClients(config: DevAuthConfig): RegisteredClient[] {
  const portalRedirects = [...new Set(config.portalUrls.flatMap(withAndWithoutTrailingSlash))];
  const clients: RegisteredClient[] = [
    {
      // The Angular portal: a public SPA (Authorization Code + PKCE, rotating refresh tokens).
      metadata: {
        client_id: PORTAL_CLIENT_ID,
        client_name: 'Showroom portal',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: portalRedirects,
        post_logout_redirect_uris: portalRedirects,
      },
      webOrigins: [...new Set(config.portalUrls.map((url) => new URL(url).origin))],
      apiScopes: USER_API_SCOPES,
    },
    {
      // Reads memberships from the users service, as the production Auth0 Action does.
      metadata: {
        client_id: ACTIONS_CLIENT_ID,
        client_name: 'Showroom Actions (memberships)',
        client_secret: config.actionsSecret,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
      webOrigins: [],
      apiScopes: [READ_MEMBERSHIPS_SCOPE],
    },
    {
      // Service-to-service calls: the leads service reads teams (round-robin) and looks vehicles up;
      // website provisioning (users) lets a site's origins post the leads form; retail reads the
      // dealership's storefront, holds reserved vehicles, opens deal leads and reads their assignees.
      metadata: {
        client_id: SERVICES_CLIENT_ID,
        client_name: 'Showroom services',
        client_secret: config.servicesSecret,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
      webOrigins: [],
      apiScopes: SERVICES_API_SCOPES,
    },
    {
      // The users service's identity port: creates people, sends password tickets, blocks them.
      metadata: {
        client_id: MANAGEMENT_CLIENT_ID,
        client_name: 'Showroom users service (Management API)',
        client_secret: config.managementSecret,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
      webOrigins: [],
      apiScopes: [],
      managementScopes: MANAGEMENT_SCOPES,
    },
  ];
  if (config.passwordGrantEnabled) {
    clients.push({
      // Tests and QA automation only: signs in with email + password, no browser.
      metadata: {
        client_id: E2E_CLIENT_ID,
        client_name: 'Showroom tests and QA automation',
        token_endpoint_auth_method: 'none',
        grant_types: [
          PASSWORD_REALM_GRANT,
          PASSWORD_GRANT,
          MFA_OTP_GRANT,
          MFA_RECOVERY_CODE_GRANT,
          'refresh_token',
        ],
        response_types: [],
        redirect_uris: [],
      },
      webOrigins: [],
      apiScopes: USER_API_SCOPES,
    });
  }
  return clients;
}

function withAndWithoutTrailingSlash(url: string): string[] {
  const bare = url.replace(/\/+$/, '');
  return [bare, `${bare}/`];
}
