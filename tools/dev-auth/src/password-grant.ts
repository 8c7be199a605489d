import type Provider from 'oidc-provider';
import { errors, type Client, type GrantTypeHandler, type ResourceServerInfo } from 'oidc-provider';
import type { Account, AccountStore } from './accounts';
import { DEFAULT_REALM, PASSWORD_GRANT, PASSWORD_REALM_GRANT } from './clients';
import { WRONG_CREDENTIALS } from './login-page';

export interface PasswordGrantDeps {
  accounts: AccountStore;
  resourceServerInfo(indicator: string, client: Client): ResourceServerInfo;
  /** Everything the ID token may say about the user (oidc-provider filters it by scope). */
  accountClaims(request: object, account: Account): Promise<Record<string, unknown>>;
  /** The OIDC scopes a user token can have. */
  oidcScopes: readonly string[];
}

const PARAMETERS = ['username', 'password', 'realm', 'audience', 'scope'];

/**
 * Auth0's Resource Owner Password grants (`password` and `…/password-realm`), for tests and QA
 * automation that need a user's token without a browser. Registered only outside production.
 */
export function registerPasswordGrants(provider: Provider, deps: PasswordGrantDeps): void {
  const handler: GrantTypeHandler = async (ctx) => {
    const { client, params = {} } = ctx.oidc;
    if (!client) throw new errors.InvalidRequest('client is required');
    const text = (name: string) =>
      typeof params[name] === 'string' && params[name] !== '' ? params[name] : undefined;
    const username = text('username');
    const password = text('password');
    if (!username || !password)
      throw new errors.InvalidRequest('missing required parameters: username and password');
    if (params['grant_type'] === PASSWORD_REALM_GRANT && text('realm') !== DEFAULT_REALM) {
      throw new errors.InvalidRequest(`unknown realm; the only connection is "${DEFAULT_REALM}"`);
    }

    const account = await deps.accounts.verifyPassword(username, password);
    if (!account)
      throw withStatus(new errors.CustomOIDCProviderError('invalid_grant', WRONG_CREDENTIALS), 403);
    // Auth0 answers a blocked user's correct password with 401 unauthorized, "user is blocked".
    if (account.blocked)
      throw withStatus(new errors.CustomOIDCProviderError('unauthorized', 'user is blocked'), 401);

    const audience = text('audience');
    if (!audience) {
      throw withStatus(
        new errors.AccessDenied(
          'No audience parameter was provided, and no default audience has been configured',
        ),
        403,
      );
    }
    const info = deps.resourceServerInfo(audience, client);
    const requested = new Set(text('scope')?.split(' ').filter(Boolean));
    if (!client.grantTypeAllowed('refresh_token')) requested.delete('offline_access');
    const oidcScopes = deps.oidcScopes.filter((scope) => requested.has(scope));
    const apiScopes = info.scope.split(' ').filter((scope) => requested.has(scope));

    const grant = new provider.Grant({ accountId: account.sub, clientId: client.clientId });
    if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
    if (apiScopes.length) grant.addResourceScope(audience, apiScopes.join(' '));
    await grant.save();
    ctx.oidc.entity('Grant', grant);

    const accessToken = new provider.AccessToken({
      accountId: account.sub,
      client,
      grantId: grant.jti,
      gty: PASSWORD_GRANT,
    });
    accessToken.resourceServer = new provider.ResourceServer(audience, info);
    accessToken.scope = apiScopes.join(' ') || undefined;
    ctx.oidc.entity('AccessToken', accessToken);
    const accessTokenValue = await accessToken.save();

    let idToken: string | undefined;
    if (oidcScopes.includes('openid')) {
      const token = new provider.IdToken(await deps.accountClaims(ctx, account), { ctx });
      token.scope = oidcScopes.join(' ');
      idToken = await token.issue({ use: 'idtoken' });
    }

    let refreshToken: string | undefined;
    if (oidcScopes.includes('offline_access')) {
      refreshToken = await new provider.RefreshToken({
        accountId: account.sub,
        client,
        grantId: grant.jti,
        gty: PASSWORD_GRANT,
        resource: audience,
        rotations: 0,
        scope: [...new Set([...oidcScopes, ...apiScopes])].join(' '),
      }).save();
    }

    ctx.body = {
      access_token: accessTokenValue,
      token_type: accessToken.tokenType,
      expires_in: accessToken.expiration,
      scope: [...new Set([...oidcScopes, ...apiScopes])].join(' ') || undefined,
      id_token: idToken,
      refresh_token: refreshToken,
    };
  };

  provider.registerGrantType(PASSWORD_REALM_GRANT, handler, PARAMETERS);
  provider.registerGrantType(PASSWORD_GRANT, handler, PARAMETERS);
}

function withStatus<E extends { status: number; statusCode: number }>(error: E, status: number): E {
  // Auth0 answers these with 403; oidc-provider exposes the description because it was made as a 4xx.
  error.status = status;
  error.statusCode = status;
  return error;
}
