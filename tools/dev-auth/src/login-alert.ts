import { describeDevice } from '@showroom/server-kit';
import type { Account } from './accounts';
import type { SecurityMail } from './security-mail';

/** One completed sign-in, as the alert describes it. */
export interface SignInEvent {
  account: Account;
  at: Date;
  ip: string;
  userAgent: string;
  /** Where it happened, e.g. "the sign-in page of Showroom portal". */
  via: string;
}

export interface LoginAlertLinks {
  /** Signs the account out everywhere and leads to a new password (single use). */
  notMe: string;
  /** Asks for a password reset link by e-mail. */
  resetPassword: string;
}

const UTC_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'long' });

/** "Monday 7 December 2026 at 13:05:12 UTC (2026-12-07T13:05:12.000Z)". */
export function describeTime(at: Date): string {
  return `${UTC_TIME.format(at)} (${at.toISOString()})`;
}

/**
 * The e-mail Auth0's production tenant sends from a Post-Login Action (README, "Sign-in security"):
 * when, with what, from where, and what to do if it was not the account's owner. Never a password
 * or a code.
 */
export function loginAlertMail(event: SignInEvent, links: LoginAlertLinks): SecurityMail {
  const { account } = event;
  return {
    to: account.email,
    subject: 'New sign-in to your Showroom account',
    text: `Hello ${account.name},

Your Showroom account ${account.email} was just signed in to.

When:     ${describeTime(event.at)}
Browser:  ${describeDevice(event.userAgent)}
Address:  ${event.ip}
Where:    ${event.via}

If this was you, there is nothing to do.

If this wasn't you, secure your account now:
${links.notMe}
This signs your account out on every device and lets you choose a new password.

You can also ask for a password reset link at any time:
${links.resetPassword}

— Showroom
`,
  };
}
