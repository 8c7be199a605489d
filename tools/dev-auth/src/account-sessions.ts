import type Provider from 'oidc-provider';

export interface AccountSessions {
  /**
   * Ends the account's sign-in sessions and revokes its grants (so every refresh token, and the
   * codes not yet exchanged, stop working). Access tokens already issued are JWTs: they stay
   * valid until they expire, at most TOKEN_LIFETIMES.accessToken later, as with Auth0.
   */
  revokeAll(accountId: string): Promise<void>;
}

/**
 * oidc-provider cannot list an account's sessions or grants, so this notes their ids as they are
 * stored (its `*.saved` events) and destroys them through the same storage on demand.
 */
export function accountSessions(provider: Provider): AccountSessions {
  const grants = new Map<string, Set<string>>();
  const sessions = new Map<string, Set<string>>();
  const note = (index: Map<string, Set<string>>, accountId: string | undefined, id: string) => {
    if (!accountId) return;
    const ids = index.get(accountId) ?? new Set<string>();
    ids.add(id);
    index.set(accountId, ids);
  };
  provider.on('grant.saved', (grant) => note(grants, grant.accountId, grant.jti));
  provider.on('session.saved', (session) => note(sessions, session.accountId, session.jti));

  return {
    async revokeAll(accountId) {
      const grantIds = [...(grants.get(accountId) ?? [])];
      const sessionIds = [...(sessions.get(accountId) ?? [])];
      grants.delete(accountId);
      sessions.delete(accountId);
      await Promise.all([
        ...grantIds.flatMap((id) => [
          provider.Grant.adapter.revokeByGrantId(id),
          provider.Grant.adapter.destroy(id),
        ]),
        ...sessionIds.map((id) => provider.Session.adapter.destroy(id)),
      ]);
    },
  };
}
