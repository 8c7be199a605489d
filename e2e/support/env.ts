import { browser } from 'protractor';
import { DEFAULT_DEMO_PASSWORD, DEMO_DEALERSHIPS, DEMO_USERS } from '@showroom/demo-data';

/**
 * Where the suite runs and as whom. Everything comes from the environment, so one suite serves the
 * local platform (`npm run e2e`) and any deployed environment (see e2e/README.md).
 */

/** The demo accounts the stories use; every environment seeds them (`@showroom/demo-data`). */
export const ACCOUNTS = {
  sales: DEMO_USERS.sales,
  /** Sofia's colleague at Demo Motors Downtown: the other salesperson leads go round-robin to. */
  sales2: DEMO_USERS.sales2,
  /** Manages Demo Motors Downtown: sees every lead there and reassigns them. */
  manager: DEMO_USERS.manager,
  /** Demo Motors Downtown's finance manager: opens credit applications (each view is recorded). */
  finance: DEMO_USERS.finance,
  viewer: DEMO_USERS.viewer,
  groupOwner: DEMO_USERS.owner,
  rivalOwner: DEMO_USERS.rivalOwner,
} as const;

export const DEALERSHIPS = DEMO_DEALERSHIPS;

/** E2E_PASSWORD, else the demo password the platform was started with, else the default one. */
export function password(): string {
  return process.env['E2E_PASSWORD'] || process.env['SHOWROOM_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;
}

/** `http://localhost:4300` for `npm run e2e`; the deployed portal's origin otherwise. */
export function portalOrigin(): string {
  return new URL(browser.baseUrl).origin;
}

export interface PortalAuthConfig {
  /** Origin of the identity provider: dev-auth locally, the Auth0 tenant when deployed. */
  origin: string;
  audience: string;
}

let authConfig: Promise<PortalAuthConfig> | undefined;

/**
 * The identity provider the portal itself uses: read from the portal's runtime `config.json`
 * (`auth.domain`, `auth.audience`), unless E2E_AUTH_URL names it.
 */
export function portalAuthConfig(): Promise<PortalAuthConfig> {
  authConfig ??= (async () => {
    const response = await fetch(new URL('/config.json', portalOrigin()));
    if (!response.ok) throw new Error(`GET ${portalOrigin()}/config.json answered HTTP ${response.status}`);
    const config = (await response.json()) as { auth?: { domain?: string; audience?: string } };
    const domain = process.env['E2E_AUTH_URL'] || config.auth?.domain;
    if (!domain) throw new Error('config.json has no auth.domain; set E2E_AUTH_URL');
    // Auth0 domains come without a scheme ("tenant.eu.auth0.com"); dev-auth's keeps it.
    const origin = new URL(/^https?:\/\//.test(domain) ? domain : `https://${domain}`).origin;
    return { origin, audience: config.auth?.audience ?? 'https://api.showroom.dev' };
  })();
  return authConfig;
}
