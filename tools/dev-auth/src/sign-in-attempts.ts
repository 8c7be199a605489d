/** Auth0's brute-force protection: this many consecutive failures block the account… */
export const LOCKOUT_FAILURES = 10;
/** …for this long (or until its password is reset). */
export const LOCKOUT_MS = 15 * 60_000;
/** Auth0's suspicious IP throttling: at most this many failures from one address… */
export const ADDRESS_FAILURES = 30;
/** …within this sliding window. */
export const ADDRESS_WINDOW_MS = 15 * 60_000;

export type Refusal = 'account-locked' | 'address-throttled';

/** Auth0's own wording, on its login page and in its `too_many_attempts` errors. */
export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  'account-locked':
    "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.",
  'address-throttled':
    'We have detected suspicious login behavior and further attempts will be blocked. Please contact the administrator.',
};

export interface SignInAttempts {
  /** Why signing in as `identifier` from `address` is refused right now, if it is. */
  refusal(address: string, identifier: string): Refusal | undefined;
  /** Counts a wrong password or code; answers the time of the lock it just started, if it did. */
  failed(address: string, identifier: string): Date | undefined;
  /** A completed sign-in: the identifier's consecutive failures count from zero again. */
  succeeded(identifier: string): void;
}

export interface SignInAttemptsOptions {
  now: () => number;
  /** Whether a lock begun at `lockedAt` has been lifted meanwhile (a password reset lifts it). */
  lockLifted?: (identifier: string, lockedAt: number) => boolean;
}

interface IdentifierState {
  consecutive: number;
  lockedAt?: number;
}

/**
 * Failed sign-ins, in memory (a restart forgets them, as it forgets sessions). Identifiers are the
 * e-mail addresses typed, whether an account has them or not: an unknown address is locked after
 * the same number of failures as a real one, so the lock message does not tell which exist.
 */
export function signInAttempts(options: SignInAttemptsOptions): SignInAttempts {
  const { now } = options;
  const identifiers = new Map<string, IdentifierState>();
  const addresses = new Map<string, number[]>();
  let calls = 0;

  const key = (identifier: string) => identifier.trim().toLowerCase();

  /** The address's failures within the window, oldest first (older ones are dropped). */
  const recentFailures = (address: string): number[] => {
    const since = now() - ADDRESS_WINDOW_MS;
    const kept = (addresses.get(address) ?? []).filter((at) => at > since);
    if (kept.length) addresses.set(address, kept);
    else addresses.delete(address);
    return kept;
  };

  const sweep = () => {
    for (const address of [...addresses.keys()]) recentFailures(address);
  };

  const lockOf = (identifier: string): number | undefined => {
    const state = identifiers.get(identifier);
    if (state?.lockedAt === undefined) return undefined;
    const expired = now() >= state.lockedAt + LOCKOUT_MS;
    if (expired || options.lockLifted?.(identifier, state.lockedAt)) {
      identifiers.delete(identifier);
      return undefined;
    }
    return state.lockedAt;
  };

  return {
    refusal(address, identifier) {
      if (recentFailures(address).length >= ADDRESS_FAILURES) return 'address-throttled';
      return lockOf(key(identifier)) === undefined ? undefined : 'account-locked';
    },
    failed(address, identifier) {
      if (++calls % 1000 === 0) sweep();
      addresses.set(address, [...recentFailures(address), now()]);
      const id = key(identifier);
      if (lockOf(id) !== undefined) return undefined;
      const state = identifiers.get(id) ?? { consecutive: 0 };
      state.consecutive += 1;
      if (state.consecutive >= LOCKOUT_FAILURES) state.lockedAt = now();
      identifiers.set(id, state);
      return state.lockedAt === undefined ? undefined : new Date(state.lockedAt);
    },
    succeeded(identifier) {
      identifiers.delete(key(identifier));
    },
  };
}

/** The address as people read it: an IPv4 client of a dual-stack socket without its `::ffff:`. */
export function clientAddress(raw: string | undefined): string {
  if (!raw) return 'unknown';
  return raw.startsWith('::ffff:') && raw.includes('.') ? raw.slice('::ffff:'.length) : raw;
}
