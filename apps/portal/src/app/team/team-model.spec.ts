import { adminMember, invitation, memberEvent } from './team-fixtures';
import {
  grantableRoles,
  historySentence,
  invitationsInOrder,
  mayResendInvitation,
  mayRevokeInvitation,
  mayManageMember,
  mayTransferOwnership,
} from './team-model';

describe('team rules', () => {
  it('offers owners every role and managers every role up to their own, never owner', () => {
    expect(grantableRoles('owner')).toEqual(['owner', 'manager', 'finance', 'sales', 'viewer']);
    expect(grantableRoles('manager')).toEqual(['manager', 'finance', 'sales', 'viewer']);
    expect(grantableRoles('sales')).toEqual(['finance', 'sales', 'viewer']);
    expect(grantableRoles(null)).toEqual([]);
  });

  it('lets a manager manage salespeople and managers but not an owner, and nobody manage themselves', () => {
    const owner = adminMember({ id: 'auth0|dana', role: 'owner' });
    const sam = adminMember();
    expect(mayManageMember('manager', 'auth0|alex', sam)).toBe(true);
    expect(mayManageMember('manager', 'auth0|alex', adminMember({ id: 'auth0|max', role: 'manager' }))).toBe(
      true,
    );
    expect(mayManageMember('manager', 'auth0|alex', owner)).toBe(false);
    expect(mayManageMember('owner', 'auth0|zoe', owner)).toBe(true);
    expect(mayManageMember('owner', 'auth0|dana', owner)).toBe(false);
  });

  it('lets only an owner transfer ownership, to an active member who is not an owner yet', () => {
    expect(mayTransferOwnership('owner', 'auth0|dana', adminMember())).toBe(true);
    expect(mayTransferOwnership('manager', 'auth0|alex', adminMember())).toBe(false);
    expect(mayTransferOwnership('owner', 'auth0|dana', adminMember({ status: 'deactivated' }))).toBe(false);
    expect(mayTransferOwnership('owner', 'auth0|dana', adminMember({ role: 'owner' }))).toBe(false);
  });

  it('lets a manager resend pending or expired invitations up to their own rank, and revoke pending ones', () => {
    expect(mayResendInvitation('manager', invitation())).toBe(true);
    expect(mayRevokeInvitation('manager', invitation())).toBe(true);
    expect(mayResendInvitation('manager', invitation({ role: 'owner' }))).toBe(false);
    expect(mayRevokeInvitation('manager', invitation({ role: 'owner' }))).toBe(false);
    expect(mayResendInvitation('manager', invitation({ status: 'expired' }))).toBe(true);
    expect(mayRevokeInvitation('manager', invitation({ status: 'expired' }))).toBe(false);
    expect(mayResendInvitation('owner', invitation({ status: 'accepted' }))).toBe(false);
    expect(mayResendInvitation('owner', invitation({ status: 'revoked' }))).toBe(false);
  });

  it('lists pending invitations first, then the newest', () => {
    const ordered = invitationsInOrder([
      invitation({ id: 'old-expired', status: 'expired', createdAt: '2026-11-20T10:00:00.000Z' }),
      invitation({ id: 'accepted', status: 'accepted', createdAt: '2026-12-01T10:00:00.000Z' }),
      invitation({ id: 'pending', createdAt: '2026-11-30T10:00:00.000Z' }),
    ]);
    expect(ordered.map((i) => i.id)).toEqual(['pending', 'accepted', 'old-expired']);
  });
});

describe('a member’s history in words', () => {
  const dana = { id: 'auth0|dana', name: 'Dana Whitfield' };
  it.each([
    ['Alex Manager changed the role from sales to manager', memberEvent()],
    [
      'Alex Manager invited Sam Seller as finance manager',
      memberEvent({ action: 'invited', fromRole: null, toRole: 'finance' }),
    ],
    [
      'Sam Seller joined as sales',
      memberEvent({ action: 'joined', actor: null, fromRole: null, toRole: 'sales' }),
    ],
    [
      'Alex Manager deactivated Sam Seller',
      memberEvent({ action: 'deactivated', fromRole: null, toRole: null }),
    ],
    [
      'Alex Manager reactivated Sam Seller',
      memberEvent({ action: 'reactivated', fromRole: null, toRole: null }),
    ],
    [
      'Dana Whitfield transferred ownership to Sam Seller',
      memberEvent({ action: 'ownership_transferred', actor: dana, fromRole: 'manager', toRole: 'owner' }),
    ],
    [
      'Dana Whitfield transferred ownership; the role went from owner to manager',
      memberEvent({ action: 'ownership_transferred', actor: dana, fromRole: 'owner', toRole: 'manager' }),
    ],
  ] as const)('“%s”', (sentence, event) => {
    expect(historySentence(event, 'Sam Seller')).toBe(sentence);
  });
});
