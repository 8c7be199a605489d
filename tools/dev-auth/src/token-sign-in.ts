import type Provider from 'oidc-provider';
import { errors, type Client, type KoaContextWithOIDC, type OIDCProviderError } from 'oidc-provider';
import type { Account, AccountStore } from './accounts';
import { clientAddress, REFUSAL_MESSAGES, type Refusal } from './sign-in-attempts';
import type { SignInContext, SignInSecurity } from './sign-in-security';
import { issueUserTokens, type UserTokenDeps, type UserTokenRequest } from './user-tokens';

export interface TokenSignInDeps extends UserTokenDeps {
  accounts: AccountStore;
  security: SignInSecurity;
}

/** An OAuth error answered with Auth0's status (oidc-provider shows the description of a 4xx it made). */
export function oauthError(error: string, description: string, status: number): OIDCProviderError {
  const made = new errors.CustomOIDCProviderError(error, description);
  made.status = status;
  made.statusCode = status;
  return made;
}

/** Auth0's answer to a locked account or a throttled address: 429 `too_many_attempts`. */
export function refusalError(refusal: Refusal): OIDCProviderError {
  return oauthError('too_many_attempts', REFUSAL_MESSAGES[refusal], 429);
}

export function signInContextOf(ctx: KoaContextWithOIDC, client: Client): SignInContext {
  return {
    ip: clientAddress(ctx.ip),
    userAgent: ctx.get('user-agent'),
    via: `the token endpoint, for ${client.clientName ?? client.clientId}`,
  };
}

/**
 * The end of every token-endpoint sign-in whose factors are proven (the password grants, and the
 * MFA grants after them): a password past its age is refused with where to change it, otherwise
 * the tokens are issued and the sign-in recorded and e-mailed.
 */
export async function completeTokenSignIn(
  provider: Provider,
  deps: TokenSignInDeps,
  ctx: KoaContextWithOIDC,
  account: Account,
  client: Client,
  request: UserTokenRequest,
): Promise<void> {
  if (deps.security.passwordExpired(account.sub)) {
    const url = deps.security.passwordChangeUrl(account.sub);
    throw oauthError('invalid_grant', `Password expired; change it at ${url}`, 403);
  }
  ctx.body = await issueUserTokens(provider, deps, ctx, account, client, request);
  await deps.security.succeeded(account, signInContextOf(ctx, client));
}
