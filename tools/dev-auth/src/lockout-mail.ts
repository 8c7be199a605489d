import type { Account } from './accounts';
import { describeTime } from './login-alert';
import { PASSWORD_CHANGE_TTL_TEXT } from './password-change-links';
import type { SecurityMail } from './security-mail';
import { LOCKOUT_FAILURES } from './sign-in-attempts';

export interface LockoutEvent {
  account: Account;
  /** When the lock began (the last failed attempt). */
  at: Date;
  /** Where the last failed attempt came from. */
  ip: string;
  unlocksAt: Date;
  /** A single-use link to choose a new password, which lifts the lock at once. */
  resetUrl: string;
}

/** Auth0's "blocked account" e-mail: what happened, until when, and how to lift it now. */
export function lockoutMail(event: LockoutEvent): SecurityMail {
  const { account } = event;
  return {
    to: account.email,
    subject: 'Sign-in to your Showroom account is blocked',
    text: `Hello ${account.name},

After ${LOCKOUT_FAILURES} failed attempts in a row to sign in to your Showroom account ${account.email},
we have blocked sign-in to it.

Last attempt:  ${describeTime(event.at)}
From address:  ${event.ip}
Blocked until: ${describeTime(event.unlocksAt)}

Resetting your password lifts the block at once. Choose a new password here (the link works once, for ${PASSWORD_CHANGE_TTL_TEXT}):
${event.resetUrl}

If these attempts were not yours, someone may be guessing your password: a new, strong password
keeps them out.

— Showroom
`,
  };
}
