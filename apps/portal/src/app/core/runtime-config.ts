import type { AuthConfig } from '@auth0/auth0-angular';

/**
 * What differs between environments, read at startup from `config.json` next to index.html.
 * Switching from dev-auth to a real Auth0 tenant is a change of this file only, never a rebuild.
 */
export interface RuntimeConfig {
  auth: {
    /** Auth0 domain (`tenant.eu.auth0.com`), or dev-auth's origin (`http://localhost:4000`). */
    domain: string;
    clientId: string;
    /** The API identifier the access token is issued for. */
    audience: string;
  };
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Fetches and checks `config.json`; the error says which key is missing so ops can fix it.
 * index.html preloads it while the bundles download; its `crossorigin` gives the preload this
 * fetch's mode (cors, same-origin credentials), without which the browser fetches it a second time.
 */
export async function loadRuntimeConfig(fetchFn: FetchLike, url = 'config.json'): Promise<RuntimeConfig> {
  const response = await fetchFn(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}; it must be deployed next to index.html`);
  }
  const body: unknown = await response.json();
  const auth = isRecord(body) ? body['auth'] : undefined;
  if (!isRecord(auth)) throw new Error(`${url} has no "auth" section`);
  for (const key of ['domain', 'clientId', 'audience'] as const) {
    const value = auth[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new Error(`${url} is missing "auth.${key}"`);
    }
  }
  return {
    auth: {
      domain: String(auth['domain']),
      clientId: String(auth['clientId']),
      audience: String(auth['audience']),
    },
  };
}

/**
 * The Auth0 SDK configuration: 15-minute access tokens renewed with rotating refresh tokens, and
 * the access token attached to every same-origin `/api/` call (optional on an invitation's).
 *
 * Why `localstorage` and not the SDK's default `memory`: in memory the refresh token dies with the
 * page, so every reload and every new tab needs an iframe sign-in at the identity provider, which
 * Safari and Firefox refuse for a provider on another site (third-party cookies), and which turns
 * each `browser.get` of QA's Protractor suite into a redirect away from the app. What localStorage
 * costs is that script injected into the portal could read the refresh token; the rest bounds that:
 * the token rotates at every refresh and a replayed one revokes the whole sign-in (the thief's copy
 * dies at the portal's next refresh, at most 15 minutes later), it expires after 15 idle days and
 * 30 days in all, sign-out revokes it (shell), and Angular's templates escape everything shown.
 * It is also the fast restore on a phone: a reload finds the access token in storage and needs no
 * request at all while it has a minute left, else one POST to /oauth/token, where an iframe sign-in
 * would be a chain of /authorize redirects at the identity provider (a round trip each) every time.
 */
export function toAuthConfig(config: RuntimeConfig, origin: string): AuthConfig {
  const { domain, clientId, audience } = config.auth;
  return {
    domain,
    clientId,
    useRefreshTokens: true,
    cacheLocation: 'localstorage',
    authorizationParams: { audience, redirect_uri: origin },
    errorPath: '/sign-in/error',
    httpInterceptor: {
      allowedList: [
        // An invitation is opened and accepted before its invitee has an account (the link's token is
        // the credential): no sign-in needed, though a signed-in visitor's token still goes along.
        {
          uri: '/api/users/invitation-links/*',
          allowAnonymous: true,
          tokenOptions: { authorizationParams: { audience } },
        },
        { uri: '/api/*', tokenOptions: { authorizationParams: { audience } } },
      ],
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
