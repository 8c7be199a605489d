import {
  GroupPeopleSchema,
  AdminMemberListSchema,
  AdminMemberSchema,
  MemberDetailSchema,
  RoleChangeInputSchema,
} from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { GroupPeopleDirectory } from './group-people';
import type { MemberAdmin } from './member-admin';

export interface MemberAdminRouteDeps {
  members: MemberAdmin;
  groupPeople: GroupPeopleDirectory;
}

const route = routeFor<MemberAdminRouteDeps>();
const path = '/api/users/members';
const userIdParams = z.object({ userId: z.string().min(1).max(128) });
const RULES =
  'The role lacks team:manage; the target is yourself, an owner (for a manager), or the role is above your own';
const IDENTITY_DOWN = 'The identity provider did not answer; nothing was changed';

/** Owners and managers administer their people: roles, deactivation, ownership. */
export const memberAdminRoutes = [
  route({
    operationId: 'listMembers',
    method: 'get',
    path,
    tag: 'team',
    summary: 'Everyone of the dealership, deactivated members too, with their status and last sign-in',
    caller: caller.user('team:manage'),
    responses: { 200: { description: 'The members', schema: AdminMemberListSchema } },
    handler: ({ tenant }, { members }) => members.list(tenant),
  }),
  route({
    operationId: 'getMember',
    method: 'get',
    path: `${path}/:userId`,
    tag: 'team',
    summary: 'A member with the history of changes to their membership and their recent sign-ins',
    caller: caller.user('team:manage'),
    params: userIdParams,
    responses: { 200: { description: 'The member', schema: MemberDetailSchema } },
    problems: { 404: 'No such member in this dealership' },
    handler: ({ tenant, params }, { members }) => members.detail(tenant, params.userId),
  }),
  route({
    operationId: 'changeMemberRole',
    method: 'put',
    path: `${path}/:userId/role`,
    tag: 'team',
    summary: 'Change a member’s role (never above your own; only owners change an owner’s)',
    caller: caller.user('team:manage'),
    params: userIdParams,
    body: RoleChangeInputSchema,
    responses: { 200: { description: 'The member as now', schema: AdminMemberSchema } },
    problems: {
      403: RULES,
      404: 'No such member in this dealership',
      409: 'It would leave the dealership without an active owner',
      503: IDENTITY_DOWN,
    },
    handler: ({ tenant, params, body }, { members }) => members.changeRole(tenant, params.userId, body.role),
  }),
  route({
    operationId: 'deactivateMember',
    method: 'post',
    path: `${path}/:userId/deactivate`,
    tag: 'team',
    summary:
      'Deactivate a member: out of new tokens at once (existing ones end within their 15 minutes), blocked at sign-in when no dealership is left, their open leads back to round-robin',
    caller: caller.user('team:manage'),
    params: userIdParams,
    responses: { 200: { description: 'The member as now', schema: AdminMemberSchema } },
    problems: {
      403: RULES,
      404: 'No such member in this dealership',
      409: 'They are the only active owner',
      503: IDENTITY_DOWN,
    },
    handler: ({ tenant, params }, { members }) => members.deactivate(tenant, params.userId),
  }),
  route({
    operationId: 'reactivateMember',
    method: 'post',
    path: `${path}/:userId/reactivate`,
    tag: 'team',
    summary: 'Reactivate a deactivated member (unblocked at sign-in)',
    caller: caller.user('team:manage'),
    params: userIdParams,
    responses: { 200: { description: 'The member as now', schema: AdminMemberSchema } },
    problems: { 403: RULES, 404: 'No such member in this dealership', 503: IDENTITY_DOWN },
    handler: ({ tenant, params }, { members }) => members.reactivate(tenant, params.userId),
  }),
  route({
    operationId: 'transferOwnership',
    method: 'post',
    path: `${path}/:userId/ownership`,
    tag: 'team',
    summary: 'Owners only: the member becomes an owner and the caller a manager',
    caller: caller.user('team:manage'),
    params: userIdParams,
    responses: { 200: { description: 'The new owner', schema: AdminMemberSchema } },
    problems: {
      403: 'The caller is not an owner, or names themselves',
      404: 'No such member in this dealership',
      409: 'The member is deactivated or already an owner',
    },
    handler: ({ tenant, params }, { members }) => members.transferOwnership(tenant, params.userId),
  }),

  route({
    operationId: 'listGroupPeople',
    method: 'get',
    path: '/api/users/group/people',
    tag: 'team',
    summary:
      'Everyone across the dealer group’s rooftops with their role and status at each, for an owner of every rooftop (changes then act for one rooftop)',
    caller: caller.user('rooftops:manage'),
    responses: { 200: { description: 'The group’s people', schema: GroupPeopleSchema } },
    problems: { 403: 'The caller is not an owner of every rooftop of the group' },
    handler: ({ tenant }, { groupPeople }) => groupPeople.list(tenant),
  }),
];
