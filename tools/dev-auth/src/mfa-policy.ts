import type { Role } from '@showroom/contracts';
import type { Account, AccountStore } from './accounts';
import type { MembershipSource } from './memberships';

/** What a sign-in needs after the password: a code, an enrolment first, or nothing more. */
export type MfaNeed = 'challenge' | 'enrol' | 'none';

export interface MfaPolicy {
  /** Throws MembershipsUnavailableError when the roles cannot be read: nobody skips MFA for that. */
  needOf(account: Account): Promise<MfaNeed>;
}

/**
 * Who must use an authenticator app (Auth0: an Action calling `api.multifactor.enable('any')` for
 * these roles). An enrolled account is always asked for its code, whatever its roles.
 */
export function mfaPolicy(deps: {
  accounts: AccountStore;
  memberships: MembershipSource;
  requiredRoles: readonly Role[];
}): MfaPolicy {
  const required = new Set(deps.requiredRoles);
  return {
    async needOf(account) {
      if (deps.accounts.mfaOf(account.sub)) return 'challenge';
      if (required.size === 0) return 'none';
      const memberships = await deps.memberships(account.sub);
      return memberships.some((membership) => required.has(membership.role)) ? 'enrol' : 'none';
    },
  };
}
