import type {
  AdminMember,
  Invitation,
  InvitationStatus,
  MemberEvent,
  MemberStatus,
  Role,
} from '@showroom/contracts';
import { mayGrantRole, ROLE_RANK } from '@showroom/contracts';
import { roleLabel } from '../core/labels';

/**
 * What owners and managers may do to whom on the Team screens. The users service decides (403 with
 * its reason); the screens only leave out what it would refuse, by the same rule (`mayGrantRole`).
 */

/** Every role, highest first (ROLE_RANK is zod-free; the ROLES list sits beside zod). */
export const ROLES_BY_RANK = (Object.keys(ROLE_RANK) as Role[]).sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a]);

/** The roles `actor` may give (invite with, change to): never above their own, owner by owners only. */
export function grantableRoles(actor: Role | null): Role[] {
  return actor ? ROLES_BY_RANK.filter((role) => mayGrantRole(actor, role)) : [];
}

/**
 * Whether `actor` may change `member`'s role or deactivate them: people up to their own rank, owners
 * by owners only, and never themselves here (that would lock them out or demote them mid-task).
 */
export function mayManageMember(actor: Role | null, actorId: string | null, member: AdminMember): boolean {
  return actor !== null && member.id !== actorId && mayGrantRole(actor, member.role);
}

/** Only an owner hands ownership over, to an active member who is not an owner already. */
export function mayTransferOwnership(
  actor: Role | null,
  actorId: string | null,
  member: AdminMember,
): boolean {
  return actor === 'owner' && member.id !== actorId && member.status === 'active' && member.role !== 'owner';
}

/**
 * Whether `actor` may send an invitation again: one they could have sent, still pending (the e-mail did
 * not arrive) or expired (a new link, valid 7 days again).
 */
export function mayResendInvitation(actor: Role | null, invitation: Invitation): boolean {
  return (
    actor !== null &&
    (invitation.status === 'pending' || invitation.status === 'expired') &&
    mayGrantRole(actor, invitation.role)
  );
}

/** Whether `actor` may revoke an invitation: a pending one they could have sent. */
export function mayRevokeInvitation(actor: Role | null, invitation: Invitation): boolean {
  return actor !== null && invitation.status === 'pending' && mayGrantRole(actor, invitation.role);
}

export const MEMBER_STATUS_LABELS: Readonly<Record<MemberStatus, string>> = {
  active: 'Active',
  deactivated: 'Deactivated',
};

export const INVITATION_STATUS_LABELS: Readonly<Record<InvitationStatus, string>> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** "as a salesperson": the role in a sentence. */
const ROLE_WITH_ARTICLE: Readonly<Record<Role, string>> = {
  owner: 'an owner',
  manager: 'a manager',
  finance: 'a finance manager',
  sales: 'a salesperson',
  viewer: 'a viewer',
};

export function roleWithArticle(role: Role): string {
  return ROLE_WITH_ARTICLE[role];
}

/** A role inside a sentence: "from sales to manager". */
function roleWord(role: Role | null): string {
  return role ? roleLabel(role).toLowerCase() : 'no role';
}

/**
 * One line of a member's history, "Alex Manager changed the role from sales to manager". A change
 * without an actor is the member's own (accepting the invitation).
 */
export function historySentence(event: MemberEvent, memberName: string): string {
  const who = event.actor?.name ?? memberName;
  switch (event.action) {
    case 'invited':
      return `${who} invited ${memberName} as ${roleWord(event.toRole)}`;
    case 'joined':
      return `${memberName} joined as ${roleWord(event.toRole)}`;
    case 'role_changed':
      return `${who} changed the role from ${roleWord(event.fromRole)} to ${roleWord(event.toRole)}`;
    case 'deactivated':
      return `${who} deactivated ${memberName}`;
    case 'reactivated':
      return `${who} reactivated ${memberName}`;
    case 'ownership_transferred':
      return event.toRole === 'owner'
        ? `${who} transferred ownership to ${memberName}`
        : `${who} transferred ownership; the role went from ${roleWord(event.fromRole)} to ${roleWord(event.toRole)}`;
  }
}

/** Pending invitations first (they can still be acted on), then the newest. */
export function invitationsInOrder(invitations: readonly Invitation[]): Invitation[] {
  return [...invitations].sort(
    (a, b) =>
      Number(b.status === 'pending') - Number(a.status === 'pending') ||
      b.createdAt.localeCompare(a.createdAt),
  );
}

/** The member as the list shows them after a change the service answered with. */
export function replaceMember(members: readonly AdminMember[], changed: AdminMember): AdminMember[] {
  return members.map((member) => (member.id === changed.id ? changed : member));
}
