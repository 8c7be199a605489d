/** How long a person has for the steps after the password before starting again. */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60_000;

/** The step of a sign-in whose password was right, waiting for the person. */
export type PendingStep =
  | { name: 'mfa' }
  /** The secret lives here, server-side, until a code proves the app holds it. */
  | { name: 'enrol'; secret: string }
  | { name: 'recovery-codes' }
  | { name: 'new-password' };

export interface PendingSignIn {
  accountId: string;
  step: PendingStep;
  /** How the person proved who they are so far (OIDC `amr`). */
  amr: string[];
}

export interface PendingSignIns {
  get(interactionUid: string): PendingSignIn | undefined;
  set(interactionUid: string, pending: PendingSignIn): void;
  delete(interactionUid: string): void;
}

/**
 * Sign-ins between the password and the end, keyed by the oidc-provider interaction: its uid is only
 * honoured with the browser's interaction cookie (interactionDetails checks both), so the account
 * of a later step never comes from the form.
 */
export function pendingSignIns(now: () => number): PendingSignIns {
  const entries = new Map<string, PendingSignIn & { expiresAt: number }>();
  return {
    get(uid) {
      const entry = entries.get(uid);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(uid);
        return undefined;
      }
      const { expiresAt: _expiresAt, ...pending } = entry;
      return pending;
    },
    set(uid, pending) {
      for (const [key, entry] of entries) if (entry.expiresAt <= now()) entries.delete(key);
      entries.set(uid, { ...pending, expiresAt: now() + PENDING_SIGN_IN_TTL_MS });
    },
    delete(uid) {
      entries.delete(uid);
    },
  };
}
