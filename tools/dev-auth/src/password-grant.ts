import type Provider from 'oidc-provider';
import { errors, type GrantTypeHandler } from 'oidc-provider';
import { DEFAULT_REALM, PASSWORD_GRANT, PASSWORD_REALM_GRANT } from './clients';
import { WRONG_CREDENTIALS } from './login-page';
import { registerMfaGrants } from './mfa-grant';
import { mfaTokens } from './mfa-tokens';
import { clientAddress } from './sign-in-attempts';
import { completeTokenSignIn, oauthError, refusalError, type TokenSignInDeps } from './token-sign-in';
import { membershipsUnavailable } from './token-claims';
import { userTokenRequest } from './user-tokens';

export type PasswordGrantDeps = TokenSignInDeps;

const PARAMETERS = ['username', 'password', 'realm', 'audience', 'scope'];

/**
 * Auth0's Resource Owner Password grants (`password` and `…/password-realm`), for tests and QA
 * automation that need a user's token without a browser, with Auth0's MFA continuation: an account
 * that must give a second factor gets 403 `mfa_required` and an `mfa_token` for the MFA grants.
 * Registered only outside production.
 */
export function registerPasswordGrants(provider: Provider, deps: PasswordGrantDeps): void {
  const { accounts, security } = deps;
  const tokens = mfaTokens(security.now);

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

    const ip = clientAddress(ctx.ip);
    const refused = security.refusal(ip, username);
    if (refused) throw refusalError(refused);
    const account = await accounts.verifyPassword(username, password);
    if (!account) {
      const refusal = security.failed(ip, username);
      throw refusal ? refusalError(refusal) : oauthError('invalid_grant', WRONG_CREDENTIALS, 403);
    }
    // Auth0 answers a blocked user's correct password with 401 unauthorized, "user is blocked".
    if (account.blocked) throw oauthError('unauthorized', 'user is blocked', 401);

    const request = userTokenRequest(params, client, deps);
    const need = await security.mfaNeed(account).catch((err: unknown) => {
      throw membershipsUnavailable(err);
    });
    if (need === 'enrol') {
      // Auth0 would offer /mfa/associate with the mfa_token; dev-auth enrols on the sign-in page only.
      throw oauthError(
        'mfa_required',
        'Multifactor authentication required: enrol an authenticator app by signing in on the sign-in page once',
        403,
      );
    }
    if (need === 'challenge') {
      // Answered rather than thrown: oidc-provider's error answers carry no extra member like mfa_token.
      ctx.status = 403;
      ctx.body = {
        error: 'mfa_required',
        error_description: 'Multifactor authentication required',
        mfa_token: tokens.issue({ accountId: account.sub, clientId: client.clientId, ...request }),
      };
      return;
    }
    await completeTokenSignIn(provider, deps, ctx, account, client, request);
  };

  provider.registerGrantType(PASSWORD_REALM_GRANT, handler, PARAMETERS);
  provider.registerGrantType(PASSWORD_GRANT, handler, PARAMETERS);
  registerMfaGrants(provider, { ...deps, mfaTokens: tokens });
}
