import type { Logger } from 'pino';
import type { Account, AccountStore } from './accounts';
import type { DevAuthConfig } from './config';
import { lockoutMail } from './lockout-mail';
import { loginAlertMail } from './login-alert';
import type { MembershipSource } from './memberships';
import { mfaPolicy, type MfaNeed } from './mfa-policy';
import type { NotMeLinks } from './not-me';
import { passwordChangeLinks } from './password-change-links';
import type { PasswordTickets } from './password-tickets';
import { RESET_REQUEST_PATH } from './reset-request-page';
import { enrolAuthenticator, useRecoveryCode, useTotpCode } from './second-factor';
import type { SendSecurityMail } from './security-mail';
import { LOCKOUT_MS, signInAttempts, type Refusal } from './sign-in-attempts';

const DAY_MS = 24 * 60 * 60_000;

/** Who is signing in, from where, for the record and the alert. */
export interface SignInContext {
  ip: string;
  userAgent: string;
  /** Where it happens, in words: "the sign-in page of Showroom portal". */
  via: string;
}

/**
 * The rules both ways of signing in (the browser's sign-in page and the token endpoint's password
 * grants) share: lock-out and address throttling, MFA, password age, records and alerts.
 */
export interface SignInSecurity {
  now(): number;
  /** Why signing in as `email` from `ip` is refused right now, if it is. */
  refusal(ip: string, email: string): Refusal | undefined;
  /**
   * Counts a wrong password or code and answers the refusal it brought about, if any. The failure
   * that locks an existing account e-mails its owner.
   */
  failed(ip: string, email: string): Refusal | undefined;
  /** Throws MembershipsUnavailableError when the roles that decide it cannot be read. */
  mfaNeed(account: Account): Promise<MfaNeed>;
  useTotpCode(sub: string, code: string): Promise<boolean>;
  useRecoveryCode(sub: string, code: string): Promise<boolean>;
  /** The recovery codes to show once, or undefined when `code` does not prove the app holds `secret`. */
  enrol(sub: string, secret: string, code: string): Promise<string[] | undefined>;
  passwordExpired(sub: string): boolean;
  /** A single-use link to choose a new password (a password-change ticket). */
  passwordChangeUrl(sub: string): string;
  /** Records a completed sign-in, clears the failure count and alerts the account's owner. */
  succeeded(account: Account, context: SignInContext): Promise<void>;
}

export interface SignInSecurityDeps {
  config: Pick<DevAuthConfig, 'issuer' | 'portalUrls' | 'mfaRequiredRoles' | 'passwordMaxAgeDays'>;
  accounts: AccountStore;
  memberships: MembershipSource;
  tickets: PasswordTickets;
  notMeLinks: NotMeLinks;
  sendMail: SendSecurityMail;
  logger: Logger;
  now: () => number;
}

export function signInSecurity(deps: SignInSecurityDeps): SignInSecurity {
  const { config, accounts, tickets, sendMail, logger, now } = deps;
  const policy = mfaPolicy({
    accounts,
    memberships: deps.memberships,
    requiredRoles: config.mfaRequiredRoles,
  });
  const attempts = signInAttempts({
    now,
    lockLifted: (email, lockedAt) => {
      const account = accounts.findByEmail(email);
      const changed = account && accounts.passwordChangedAt(account.sub);
      return changed !== undefined && changed.getTime() >= lockedAt;
    },
  });
  const passwordChangeUrl = passwordChangeLinks(tickets, config.portalUrls[0]);

  return {
    now,
    refusal: (ip, email) => attempts.refusal(ip, email),
    failed(ip, email) {
      const lockedAt = attempts.failed(ip, email);
      const account = lockedAt && accounts.findByEmail(email);
      if (lockedAt && account) {
        logger.warn({ sub: account.sub, ip }, 'account locked after consecutive failed sign-ins');
        void sendMail(
          lockoutMail({
            account,
            at: lockedAt,
            ip,
            unlocksAt: new Date(lockedAt.getTime() + LOCKOUT_MS),
            resetUrl: passwordChangeUrl(account.sub),
          }),
        );
      }
      return attempts.refusal(ip, email);
    },
    mfaNeed: (account) => policy.needOf(account),
    useTotpCode: (sub, code) => useTotpCode(accounts, sub, code, now()),
    useRecoveryCode: (sub, code) => useRecoveryCode(accounts, sub, code),
    enrol: (sub, secret, code) => enrolAuthenticator(accounts, sub, secret, code, new Date(now())),
    passwordExpired(sub) {
      const changedAt = accounts.passwordChangedAt(sub);
      if (config.passwordMaxAgeDays === 0 || !changedAt) return false;
      return now() - changedAt.getTime() > config.passwordMaxAgeDays * DAY_MS;
    },
    passwordChangeUrl,
    async succeeded(account, context) {
      attempts.succeeded(account.email);
      const at = new Date(now());
      await accounts.recordSignIn(account.sub, {
        at: at.toISOString(),
        ip: context.ip,
        userAgent: context.userAgent,
      });
      void sendMail(
        loginAlertMail(
          { account, at, ...context },
          {
            notMe: deps.notMeLinks.create(account.sub),
            resetPassword: `${config.issuer.replace(/\/$/, '')}${RESET_REQUEST_PATH}`,
          },
        ),
      );
    },
  };
}
