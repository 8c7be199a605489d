import { randomBytes } from 'node:crypto';

/** Auth0's mfa_token lifetime. */
export const MFA_TOKEN_TTL_MS = 5 * 60_000;

/** What the password grant had established when it asked for the second factor. */
export interface MfaTokenSubject {
  accountId: string;
  clientId: string;
  /** The token request to complete once the code is right. */
  audience: string;
  scope: string | undefined;
}

export type MfaTokenLookup = { state: 'open'; subject: MfaTokenSubject } | { state: 'expired' } | undefined;

export interface MfaTokens {
  issue(subject: MfaTokenSubject): string;
  /** The token's subject when `clientId` was the client it was issued to; undefined otherwise. */
  find(token: string, clientId: string): MfaTokenLookup;
  /** Ends the token; true only for the one caller that found it still open. */
  consume(token: string): boolean;
}

/**
 * mfa_tokens of the password grant, in memory: opaque, bound to their client, good for five
 * minutes and for one token response (wrong codes may be retried meanwhile; the lock-out counts them).
 */
export function mfaTokens(now: () => number): MfaTokens {
  const tokens = new Map<string, MfaTokenSubject & { expiresAt: number }>();
  const sweep = () => {
    // Expired tokens stay an hour so that late callers hear "expired" rather than "malformed".
    for (const [token, entry] of tokens) if (entry.expiresAt + 60 * 60_000 <= now()) tokens.delete(token);
  };
  return {
    issue(subject) {
      sweep();
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, { ...subject, expiresAt: now() + MFA_TOKEN_TTL_MS });
      return token;
    },
    find(token, clientId) {
      const entry = tokens.get(token);
      if (!entry || entry.clientId !== clientId) return undefined;
      if (entry.expiresAt <= now()) return { state: 'expired' };
      const { expiresAt: _expiresAt, ...subject } = entry;
      return { state: 'open', subject };
    },
    consume(token) {
      const entry = tokens.get(token);
      return entry !== undefined && entry.expiresAt > now() && tokens.delete(token);
    },
  };
}
