import type Provider from 'oidc-provider';
import { errors, type Client, type KoaContextWithOIDC, type ResourceServerInfo } from 'oidc-provider';
import type { Account } from './accounts';
import { PASSWORD_GRANT } from './clients';

export interface UserTokenDeps {
  resourceServerInfo(indicator: string, client: Client): ResourceServerInfo;
  /** Everything the ID token may say about the user (oidc-provider filters it by scope). */
  accountClaims(request: object, account: Account): Promise<Record<string, unknown>>;
  /** The OIDC scopes a user token can have. */
  oidcScopes: readonly string[];
}

/** What a token request asked for; kept with an mfa_token until its second factor arrives. */
export interface UserTokenRequest {
  audience: string;
  scope: string | undefined;
}

/** The request's audience and scope, refused as Auth0 does when it names no (known) API. */
export function userTokenRequest(
  params: Record<string, unknown>,
  client: Client,
  deps: UserTokenDeps,
): UserTokenRequest {
  const audience = typeof params['audience'] === 'string' ? params['audience'] : '';
  if (!audience) {
    const error = new errors.AccessDenied(
      'No audience parameter was provided, and no default audience has been configured',
    );
    error.status = error.statusCode = 403;
    throw error;
  }
  deps.resourceServerInfo(audience, client);
  const scope = typeof params['scope'] === 'string' && params['scope'] !== '' ? params['scope'] : undefined;
  return { audience, scope };
}

/**
 * The token response of Auth0's password grants (the MFA grants end with the same one): a grant
 * for the account and client, an RS256 access token for the API, an ID token for `openid` and a
 * refresh token for `offline_access`, all marked `gty: password`.
 */
export async function issueUserTokens(
  provider: Provider,
  deps: UserTokenDeps,
  ctx: KoaContextWithOIDC,
  account: Account,
  client: Client,
  request: UserTokenRequest,
): Promise<Record<string, unknown>> {
  const { audience } = request;
  const info = deps.resourceServerInfo(audience, client);
  const requested = new Set(request.scope?.split(' ').filter(Boolean));
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

  return {
    access_token: accessTokenValue,
    token_type: accessToken.tokenType,
    expires_in: accessToken.expiration,
    scope: [...new Set([...oidcScopes, ...apiScopes])].join(' ') || undefined,
    id_token: idToken,
    refresh_token: refreshToken,
  };
}
