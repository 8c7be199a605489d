import Provider, {
  errors,
  type Client,
  type KoaContextWithOIDC,
  type ResourceServerInfo,
} from 'oidc-provider';
import { EMAIL_CLAIM, MEMBERSHIPS_CLAIM, NAME_CLAIM } from '@showroom/contracts';
import type { Logger } from 'pino';
import type { Account, AccountStore } from './accounts';
import { USER_API_SCOPES, type RegisteredClient } from './clients';
import type { DevAuthConfig } from './config';
import type { SigningKeys } from './keys';
import { renderMessagePage } from './login-page';
import { renderLoggedOutPage, renderLogoutPage } from './logout';
import { registerPasswordGrants } from './password-grant';
import { membershipLoader, showroomClaims, standardClaims } from './token-claims';
import type { MembershipSource } from './memberships';
import { memoryStore } from './memory-store';
import type { SignInSecurity } from './sign-in-security';
import type { Page } from './html';

export interface ProviderOptions {
  config: DevAuthConfig;
  keys: SigningKeys;
  cookieKeys: string[];
  clients: RegisteredClient[];
  accounts: AccountStore;
  memberships: MembershipSource;
  /** Lock-out, MFA, password age and alerts for the password grants and their MFA grants. */
  security: SignInSecurity;
  logger: Logger;
}

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

/**
 * Token lifetimes in seconds, as the Auth0 tenant is set up (README, "How production differs").
 * Memberships are read again at every refresh, so a member removed from a dealership loses it
 * within one access-token lifetime.
 */
export const TOKEN_LIFETIMES = {
  /** API access tokens, user and machine alike (Auth0: the API's "Token Expiration"). */
  accessToken: 15 * MINUTE,
  /** A refresh token not used for this long expires (Auth0: "Inactivity Expiration"). */
  refreshTokenIdle: 15 * DAY,
  /** No rotation carries a sign-in beyond this (Auth0: "Absolute Expiration"). */
  refreshTokenAbsolute: 30 * DAY,
} as const;

interface JwtParts {
  header?: Record<string, unknown>;
  payload: Record<string, unknown>;
}

interface TokenLike {
  kind: string;
  clientId: string;
  accountId?: string;
  gty?: string;
}

/** oidc-provider configured to look, from the outside, like an Auth0 tenant. */
export function createProvider(options: ProviderOptions): Provider {
  const { config, clients, accounts, logger } = options;
  const registered = new Map(clients.map((client) => [client.metadata.client_id, client]));
  const loadMemberships = membershipLoader(options.memberships);
  const accountClaims = async (request: object | undefined, account: Account) => ({
    ...standardClaims(account),
    ...showroomClaims(account, await loadMemberships(request, account.sub)),
  });

  function resourceServerInfo(indicator: string, client: Client | undefined): ResourceServerInfo {
    const registration = client && registered.get(client.clientId);
    let scopes: readonly string[];
    if (indicator === config.apiAudience) scopes = registration?.apiScopes ?? [];
    else if (indicator === config.managementAudience && registration?.managementScopes)
      scopes = registration.managementScopes;
    else if (indicator === config.managementAudience) {
      const error = new errors.AccessDenied(
        `Client is not authorized to access "${indicator}". You need to create a "client-grant" associated to this API.`,
      );
      error.status = error.statusCode = 403;
      throw error;
    } else throw new errors.InvalidTarget(`Service not found: ${indicator}`);
    return {
      scope: scopes.join(' '),
      audience: indicator,
      accessTokenFormat: 'jwt',
      accessTokenTTL: TOKEN_LIFETIMES.accessToken,
      jwt: { sign: { alg: 'RS256' } },
    };
  }

  const provider = new Provider(config.issuer, {
    adapter: memoryStore(),
    clients: clients.map((client) => client.metadata),
    jwks: options.keys,
    cookies: { keys: options.cookieKeys },
    async findAccount(ctx: KoaContextWithOIDC, sub: string) {
      const account = accounts.findAccount(sub);
      // A blocked account's sessions and refresh tokens stop working at once.
      if (!account || account.blocked) return undefined;
      return { accountId: account.sub, claims: () => accountClaims(ctx, account) };
    },
    scopes: [...USER_API_SCOPES],
    claims: {
      // The namespaced claims ride on `openid`, so every ID token and userinfo answer has them.
      openid: ['sub', MEMBERSHIPS_CLAIM, EMAIL_CLAIM, NAME_CLAIM],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // Auth0 puts the profile claims into the ID token even when an access token is issued too.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    routes: {
      authorization: '/authorize',
      token: '/oauth/token',
      userinfo: '/userinfo',
      jwks: '/.well-known/jwks.json',
      revocation: '/oauth/revoke',
      end_session: '/oidc/logout',
    },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/u/login/${interaction.uid}`,
    },
    extraParams: {
      // Auth0 clients name the API with `audience`; resourceIndicators.defaultResource reads it.
      // This validator runs right after oidc-provider's scope check, which drops offline_access
      // unless consent is prompted: the one place to put it back (Auth0 grants it without a prompt).
      audience: (ctx: KoaContextWithOIDC) => restoreOfflineAccess(ctx),
    },
    loadExistingGrant: (ctx: KoaContextWithOIDC) => grantFirstParty(ctx),
    async extraTokenClaims(ctx: KoaContextWithOIDC | undefined, token: TokenLike) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = accounts.findAccount(token.accountId);
      if (!account) return undefined;
      return showroomClaims(account, await loadMemberships(ctx, account.sub));
    },
    formats: { customizers: { jwt: auth0Shape } },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: {
        enabled: true,
        // A client revokes only its own tokens; anything else is ignored, as RFC 7009 allows.
        allowedPolicy: (_ctx: KoaContextWithOIDC, client: Client, token: { clientId: string }) =>
          token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      introspection: { enabled: false },
      registration: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => sendPage(ctx, renderLogoutPage(form)),
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => sendPage(ctx, renderLoggedOutPage()),
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx: KoaContextWithOIDC, _client: Client, oneOf?: string[]) =>
          requestedAudience(ctx, oneOf),
        getResourceServerInfo: (_ctx: KoaContextWithOIDC, indicator: string, client: Client) =>
          resourceServerInfo(indicator, client),
        // Refresh and code exchanges keep the audience of the authorization, as with Auth0.
        useGrantedResource: () => true,
      },
    },
    clientBasedCORS: (_ctx: KoaContextWithOIDC, origin: string, client: Client) =>
      registered.get(client.clientId)?.webOrigins.includes(origin) ?? false,
    renderError: (ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }) =>
      sendPage(
        ctx,
        renderMessagePage({
          title: 'Something went wrong',
          message: out.error_description ?? 'The sign-in request could not be completed.',
          detail: out.error,
          status: ctx.status,
        }),
      ),
    ttl: {
      AccessToken: TOKEN_LIFETIMES.accessToken,
      ClientCredentials: TOKEN_LIFETIMES.accessToken,
      AuthorizationCode: 60,
      IdToken: 10 * 60 * 60,
      Interaction: 60 * 60,
      Session: 14 * DAY,
      RefreshToken: (_ctx: KoaContextWithOIDC, token: { iiat?: number }) => refreshTokenTTL(token),
      Grant: TOKEN_LIFETIMES.refreshTokenAbsolute,
    },
    // Auth0's refresh token rotation: every exchange answers a new refresh token and retires the
    // old one; presenting a retired one again revokes the whole family (oidc-provider does that for
    // a consumed token), so a stolen copy works at most until the portal's next refresh.
    rotateRefreshToken: true,
  });

  /** Auth0's access token shape: `typ: JWT`, `azp`, `gty`, `<client>@clients` subjects. */
  async function auth0Shape(
    ctx: KoaContextWithOIDC | undefined,
    token: TokenLike,
    jwt: JwtParts,
  ): Promise<void> {
    jwt.header = { typ: 'JWT' };
    const { payload } = jwt;
    payload['azp'] = token.clientId;
    if (token.kind === 'ClientCredentials') {
      payload['sub'] = `${token.clientId}@clients`;
      payload['gty'] = 'client-credentials';
      // Auth0 grants every scope of the client grant when the request names none.
      if (ctx?.oidc.params?.['scope'] === undefined) {
        const client = registered.get(token.clientId);
        const audience = payload['aud'];
        const granted = audience === config.managementAudience ? client?.managementScopes : client?.apiScopes;
        const scopes = granted?.join(' ');
        if (scopes) payload['scope'] = scopes;
      }
      return;
    }
    if (token.gty?.split(' ')[0] === 'password') payload['gty'] = 'password';
    const scopes = typeof payload['scope'] === 'string' ? payload['scope'].split(' ') : [];
    if (scopes.includes('openid')) payload['aud'] = [payload['aud'], `${config.issuer}userinfo`];
  }

  function requestedAudience(ctx: KoaContextWithOIDC, oneOf?: string[]): string | string[] | undefined {
    if (oneOf) return oneOf;
    // At /authorize `audience` is a declared extra parameter; at /oauth/token it is only in the body.
    const audience = ctx.oidc.params?.['audience'] ?? ctx.oidc.body?.['audience'];
    if (typeof audience === 'string' && audience !== '') return audience;
    if (ctx.oidc.route === 'token') {
      const error = new errors.AccessDenied(
        'No audience parameter was provided, and no default audience has been configured',
      );
      error.status = error.statusCode = 403;
      throw error;
    }
    return undefined;
  }

  function restoreOfflineAccess(ctx: KoaContextWithOIDC): void {
    const { client, params } = ctx.oidc;
    if (!client || !params || !registered.has(client.clientId) || !client.grantTypeAllowed('refresh_token'))
      return;
    const raw = ctx.method === 'POST' ? ctx.oidc.body?.['scope'] : ctx.query['scope'];
    if (typeof raw !== 'string' || !raw.split(' ').includes('offline_access')) return;
    const scopes = new Set(
      String(params['scope'] ?? '')
        .split(' ')
        .filter(Boolean),
    );
    scopes.add('offline_access');
    params['scope'] = [...scopes].join(' ');
  }

  /** Every registered client is first-party: consent is recorded without asking, as Auth0 does. */
  async function grantFirstParty(ctx: KoaContextWithOIDC) {
    const { client, session } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
    const existing = grantId ? await provider.Grant.find(grantId) : undefined;
    if (!registered.has(client.clientId)) return existing;
    const grant =
      existing?.accountId === session.accountId
        ? existing
        : new provider.Grant({ accountId: session.accountId, clientId: client.clientId });
    const oidcScopes = [...ctx.oidc.requestParamOIDCScopes].join(' ');
    if (oidcScopes) grant.addOIDCScope(oidcScopes);
    for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers)) {
      const scopes = [...ctx.oidc.requestParamScopes].filter((scope) => server.scopes.has(scope));
      if (scopes.length) grant.addResourceScope(indicator, scopes.join(' '));
    }
    await grant.save();
    return grant;
  }

  if (config.passwordGrantEnabled) {
    registerPasswordGrants(provider, {
      accounts,
      security: options.security,
      resourceServerInfo,
      accountClaims,
      oidcScopes: USER_API_SCOPES,
    });
  }

  provider.on('server_error', (_ctx, err) =>
    logger.error({ err, description: err['error_description'] }, 'request failed inside oidc-provider'),
  );
  provider.on('grant.error', (_ctx, err) =>
    logger.warn(
      { error: err['error'], description: withoutTicketLinks(String(err['error_description'] ?? '')) },
      'token request refused',
    ),
  );
  provider.on('authorization.error', (_ctx, err) =>
    logger.warn(
      { error: err['error'], description: err['error_description'] },
      'authorization request refused',
    ),
  );
  return provider;
}

/** A password-change link is a credential: the log keeps the words around it, never the link. */
export function withoutTicketLinks(text: string): string {
  return text.replace(/\S*\/lo\/reset\?ticket=\S+/g, '<password-change link>');
}

/** The idle lifetime, cut short where the sign-in would outlive its absolute lifetime. */
function refreshTokenTTL(token: { iiat?: number }): number {
  const signedInFor = token.iiat === undefined ? 0 : Math.floor(Date.now() / 1000) - token.iiat;
  const remaining = TOKEN_LIFETIMES.refreshTokenAbsolute - signedInFor;
  return Math.max(1, Math.min(TOKEN_LIFETIMES.refreshTokenIdle, remaining));
}

function sendPage(ctx: KoaContextWithOIDC, page: Page): void {
  ctx.status = page.status;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', page.csp);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = page.html;
}
