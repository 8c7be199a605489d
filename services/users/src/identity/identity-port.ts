/** A person at the identity provider (Auth0 in production, dev-auth locally). */
export interface IdentityUser {
  /** The provider's user id, the `sub` of their tokens. */
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  blocked: boolean;
  lastSignInAt: string | null;
  mfaEnrolled: boolean;
}

export interface IdentitySignIn {
  at: string;
  ipAddress: string;
  userAgent: string;
}

export class IdentityUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The identity provider did not answer: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'IdentityUnavailableError';
  }
}

/**
 * What the platform asks of the identity provider: people are created, sent to set a password,
 * blocked and unblocked there; the users service keeps who belongs where.
 */
export interface IdentityPort {
  findByEmail(email: string): Promise<IdentityUser | undefined>;
  /** A new account with a password nobody knows: the person sets theirs through a password ticket. */
  create(person: { email: string; name: string }): Promise<IdentityUser>;
  /** A single-use link to the provider's page where the person chooses a password. */
  passwordTicket(userId: string, options: { resultUrl: string; ttlSeconds: number }): Promise<string>;
  setBlocked(userId: string, blocked: boolean): Promise<void>;
  /** The people among `userIds` the provider knows (for last sign-ins). */
  users(userIds: readonly string[]): Promise<IdentityUser[]>;
  user(userId: string): Promise<IdentityUser | undefined>;
  recentSignIns(userId: string, limit: number): Promise<IdentitySignIn[]>;
}
