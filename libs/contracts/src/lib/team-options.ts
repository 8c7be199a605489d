import type { Role } from './identity';

/**
 * How far up the ladder a role is: a manager may invite, promote or deactivate people up to their
 * own rank, never above it. Finance sits beside sales, under the manager.
 */
export const ROLE_RANK: Record<Role, number> = { owner: 4, manager: 3, finance: 2, sales: 2, viewer: 1 };

/** Whether someone with `actor` may give `role` to another person (invite, promote). */
export function mayGrantRole(actor: Role, role: Role): boolean {
  return ROLE_RANK[role] <= ROLE_RANK[actor] && (role !== 'owner' || actor === 'owner');
}

/** How long an invitation link works. */
export const INVITATION_LIFETIME_DAYS = 7;

export const MEMBER_STATUSES = ['active', 'deactivated'] as const;
export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
