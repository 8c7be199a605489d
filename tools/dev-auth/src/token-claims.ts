import { EMAIL_CLAIM, MEMBERSHIPS_CLAIM, NAME_CLAIM, type MembershipClaim } from '@showroom/contracts';
import { errors, type OIDCProviderError } from 'oidc-provider';
import type { Account } from './accounts';
import { MembershipsUnavailableError, type MembershipSource } from './memberships';

/** The namespaced claims an Auth0 Action adds to Showroom's access and ID tokens. */
export function showroomClaims(account: Account, memberships: MembershipClaim[]): Record<string, unknown> {
  return {
    [EMAIL_CLAIM]: account.email,
    [NAME_CLAIM]: account.name,
    [MEMBERSHIPS_CLAIM]: memberships,
  };
}

/** Standard OIDC claims; oidc-provider filters them by the granted scopes. */
export function standardClaims(account: Account): Record<string, unknown> {
  return {
    sub: account.sub,
    email: account.email,
    email_verified: account.email_verified,
    name: account.name,
  };
}

export type MembershipLoader = (request: object | undefined, sub: string) => Promise<MembershipClaim[]>;

/**
 * Reads memberships at most once per HTTP request (the access token and the ID token of one
 * token response both need them) and turns a failure into an OAuth error: a token is never
 * issued with silently empty memberships.
 */
export function membershipLoader(source: MembershipSource): MembershipLoader {
  const perRequest = new WeakMap<object, Map<string, Promise<MembershipClaim[]>>>();
  return (request, sub) => {
    const cache = request
      ? (perRequest.get(request) ?? new Map<string, Promise<MembershipClaim[]>>())
      : undefined;
    if (request && cache) perRequest.set(request, cache);
    const cached = cache?.get(sub);
    if (cached) return cached;
    const loading = source(sub).catch((err: unknown) => {
      throw membershipsUnavailable(err);
    });
    cache?.set(sub, loading);
    return loading;
  };
}

export function membershipsUnavailable(err: unknown): OIDCProviderError {
  const reason =
    err instanceof MembershipsUnavailableError
      ? err.message
      : `the membership source failed (${err instanceof Error ? err.message : String(err)})`;
  const error = new errors.CustomOIDCProviderError(
    'server_error',
    `Could not read the user's memberships: ${reason}. Start the users service and sign in again.`,
  );
  // Made as a 400 then turned into a 503: oidc-provider would hide the description of an error born 5xx.
  error.status = 503;
  error.statusCode = 503;
  return error;
}
