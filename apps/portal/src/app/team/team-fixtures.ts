import type {
  AdminMember,
  GroupPeople,
  GroupPerson,
  Invitation,
  InvitationPreview,
  MemberDetail,
  MemberEvent,
} from '@showroom/contracts';
import { NORTH, SOUTH } from '../../testing/fixtures';

/** Test data for the Team screens. No test framework here, so the app's type-check accepts it. */

export const INVITATION_ID = '5d1c3c52-7f0e-4a4b-9d0e-0c1f2a3b4c01';

export function adminMember(overrides: Partial<AdminMember> = {}): AdminMember {
  return {
    id: 'auth0|sam',
    name: 'Sam Seller',
    email: 'sam@northside.example',
    role: 'sales',
    available: true,
    status: 'active',
    joinedAt: '2026-11-02T15:00:00.000Z',
    lastSignInAt: '2026-12-06T11:57:00.000Z',
    ...overrides,
  };
}

/** Dana (the signed-in dealer of the page specs, `me()`) as the owner, and a manager and a salesperson. */
export function teamOfNorth(): AdminMember[] {
  return [
    adminMember({ id: 'auth0|dana', name: 'Dana Whitfield', email: 'dana@northside.example', role: 'owner' }),
    adminMember({ id: 'auth0|alex', name: 'Alex Manager', email: 'alex@northside.example', role: 'manager' }),
    adminMember(),
  ];
}

export function memberEvent(overrides: Partial<MemberEvent> = {}): MemberEvent {
  return {
    id: 'e-1',
    at: '2026-12-06T11:57:00.000Z',
    action: 'role_changed',
    actor: { id: 'auth0|alex', name: 'Alex Manager' },
    fromRole: 'sales',
    toRole: 'manager',
    ...overrides,
  };
}

export function memberDetail(overrides: Partial<MemberDetail> = {}): MemberDetail {
  return {
    ...adminMember(),
    history: [
      memberEvent({
        id: 'e-2',
        action: 'joined',
        actor: null,
        fromRole: null,
        toRole: 'sales',
        at: '2026-11-02T15:00:00.000Z',
      }),
      memberEvent({
        id: 'e-1',
        action: 'invited',
        fromRole: null,
        toRole: 'sales',
        at: '2026-11-01T09:00:00.000Z',
      }),
    ],
    recentSignIns: [
      { at: '2026-12-06T11:57:00.000Z', ipAddress: '203.0.113.7', userAgent: 'Chrome 156 on Linux' },
      { at: '2026-12-05T08:10:00.000Z', ipAddress: '198.51.100.23', userAgent: 'Safari 19 on iOS' },
    ],
    signInsKnown: true,
    mfaEnrolled: true,
    ...overrides,
  };
}

export function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: INVITATION_ID,
    email: 'riley@example.com',
    name: 'Riley Rookie',
    role: 'sales',
    status: 'pending',
    invitedBy: { id: 'auth0|dana', name: 'Dana Whitfield' },
    createdAt: '2026-12-05T10:00:00.000Z',
    expiresAt: '2026-12-12T10:00:00.000Z',
    sentAt: '2026-12-05T10:00:02.000Z',
    sendCount: 1,
    acceptedAt: null,
    ...overrides,
  };
}

export function invitationPreview(overrides: Partial<InvitationPreview> = {}): InvitationPreview {
  return {
    email: 'riley@example.com',
    name: 'Riley Rookie',
    role: 'sales',
    dealershipName: 'Northside Honda',
    invitedByName: 'Dana Whitfield',
    expiresAt: '2026-12-12T10:00:00.000Z',
    ...overrides,
  };
}

export function groupPerson(overrides: Partial<GroupPerson> = {}): GroupPerson {
  return {
    id: 'auth0|sam',
    name: 'Sam Seller',
    email: 'sam@northside.example',
    memberships: [{ dealershipId: NORTH, role: 'sales', status: 'active' }],
    ...overrides,
  };
}

/**
 * Demo Motor Group's two rooftops (Northside Honda, Southside Toyota) and its people, by name as the
 * service lists them: Alex manages Northside only; Dana (`me()`) owns both; Sam sells at Northside and
 * was a viewer at Southside (deactivated); Taylor is Southside's finance manager only.
 */
export function groupPeople(overrides: Partial<GroupPeople> = {}): GroupPeople {
  return {
    groupName: 'Demo Motor Group',
    rooftops: [
      { id: NORTH, name: 'Northside Honda' },
      { id: SOUTH, name: 'Southside Toyota' },
    ],
    people: [
      groupPerson({
        id: 'auth0|alex',
        name: 'Alex Manager',
        email: 'alex@northside.example',
        memberships: [{ dealershipId: NORTH, role: 'manager', status: 'active' }],
      }),
      groupPerson({
        id: 'auth0|dana',
        name: 'Dana Whitfield',
        email: 'dana@northside.example',
        memberships: [
          { dealershipId: NORTH, role: 'owner', status: 'active' },
          { dealershipId: SOUTH, role: 'owner', status: 'active' },
        ],
      }),
      groupPerson({
        memberships: [
          { dealershipId: NORTH, role: 'sales', status: 'active' },
          { dealershipId: SOUTH, role: 'viewer', status: 'deactivated' },
        ],
      }),
      groupPerson({
        id: 'auth0|taylor',
        name: 'Taylor Finance',
        email: 'taylor@southside.example',
        memberships: [{ dealershipId: SOUTH, role: 'finance', status: 'active' }],
      }),
    ],
    ...overrides,
  };
}
