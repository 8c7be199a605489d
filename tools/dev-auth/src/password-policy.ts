import { dictionary } from '@zxcvbn-ts/language-common';
import policies from 'auth0-password-policies';
import { PasswordPolicy } from 'password-sheriff';
import type { AccountStore } from './accounts';
import { PASSWORD_HISTORY } from './accounts';

/** Auth0's "excellent" strength level: ≥ 10 characters, 3 of 4 kinds, no 3 identical in a row. */
const excellent = new PasswordPolicy(policies.excellent);

/** Passwords seen most often in breaches (zxcvbn's list, ~49k), compared without case. */
const commonPasswords = new Set(
  (dictionary['passwords-common'] as readonly string[]).map((password) => password.toLowerCase()),
);

/** Auth0's limit: bcrypt reads 72 bytes. */
const MAX_BYTES = 72;

export interface PasswordContext {
  accounts: AccountStore;
  sub: string;
  email: string;
  name: string;
}

/**
 * Every reason `password` may not become the account's new password, in words for the person
 * choosing it; none means it is accepted. The same rules as the Auth0 connection's settings
 * (README, "How production differs").
 */
export async function judgeNewPassword(password: string, context: PasswordContext): Promise<string[]> {
  const problems: string[] = [];
  if (Buffer.byteLength(password) > MAX_BYTES) problems.push(`Use at most ${MAX_BYTES} bytes.`);
  if (!excellent.check(password)) {
    problems.push(
      'Use at least 10 characters with three of: lower-case letters, upper-case letters, numbers and special characters, and no character three times in a row.',
    );
  }
  if (isCommon(password)) problems.push('This password is among the most common in data breaches.');
  if (containsIdentity(password, context)) problems.push('Do not use your name or e-mail address.');
  if (await context.accounts.isRecentPassword(context.sub, password)) {
    problems.push(`Do not reuse any of your last ${PASSWORD_HISTORY} passwords.`);
  }
  return problems;
}

/** Common as typed, or once its trailing digits and symbols are taken away ("Dragon2026!"). */
function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  return (
    commonPasswords.has(lower) ||
    (stem.length >= 4 && commonPasswords.has(stem) && stem.length >= lower.length - 5)
  );
}

function containsIdentity(password: string, { email, name }: PasswordContext): boolean {
  const lower = password.toLowerCase();
  const parts = [email.split('@')[0] ?? '', ...name.split(/\s+/)]
    .map((part) => part.toLowerCase())
    .filter((part) => part.length >= 4);
  return parts.some((part) => lower.includes(part));
}
