import {
  InvitationAcceptedSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InviteInputSchema,
} from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { InvitationService } from './invitation-service';

export interface InvitationRouteDeps {
  invitations: InvitationService;
}

const route = routeFor<InvitationRouteDeps>();
const path = '/api/users/invitations';
const invitationParams = z.object({ invitationId: z.uuid('must be an invitation id (UUID)') });
/** The link's token: 32 random bytes, base64url. */
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not an invitation link') });
const CLOSED = 'The invitation was accepted, revoked or has expired (the detail says which, and whom to ask)';

/** Invitations: owners and managers send, resend and revoke them; the invitee previews and accepts. */
export const invitationRoutes = [
  route({
    operationId: 'listInvitations',
    method: 'get',
    path,
    tag: 'team',
    summary: 'Pending invitations, and those closed in the last 30 days',
    caller: caller.user('team:manage'),
    responses: { 200: { description: 'Invitations', schema: InvitationListSchema } },
    handler: ({ tenant }, { invitations }) => invitations.list(tenant),
  }),
  route({
    operationId: 'invite',
    method: 'post',
    path,
    tag: 'team',
    summary: 'Invite someone by e-mail with a role (no higher than your own): a single-use link valid 7 days',
    caller: caller.user('team:manage'),
    body: InviteInputSchema,
    responses: {
      201: {
        description: 'The invitation (sentAt null when the e-mail could not be sent)',
        schema: InvitationSchema,
      },
    },
    problems: {
      403: 'The role lacks team:manage, or the invited role is above your own',
      409: 'Already a member, or already invited (body.email)',
    },
    handler: async ({ tenant, body, res }, { invitations }) => {
      res.status(201).json(await invitations.invite(tenant, body));
    },
  }),
  route({
    operationId: 'resendInvitation',
    method: 'post',
    path: `${path}/:invitationId/resend`,
    tag: 'team',
    summary: 'Send the invitation again with a new link, valid 7 days from now (the old link stops working)',
    caller: caller.user('team:manage'),
    params: invitationParams,
    responses: { 200: { description: 'The invitation', schema: InvitationSchema } },
    problems: { 404: 'No such invitation in this dealership', 409: 'Already accepted or revoked' },
    handler: ({ tenant, params }, { invitations }) => invitations.resend(tenant, params.invitationId),
  }),
  route({
    operationId: 'revokeInvitation',
    method: 'delete',
    path: `${path}/:invitationId`,
    tag: 'team',
    summary: 'Revoke an invitation: its link stops working',
    caller: caller.user('team:manage'),
    params: invitationParams,
    responses: { 204: { description: 'Revoked' } },
    problems: { 404: 'No such invitation in this dealership', 409: 'Already accepted' },
    handler: async ({ tenant, params, res }, { invitations }) => {
      await invitations.revoke(tenant, params.invitationId);
      res.status(204).end();
    },
  }),
  route({
    operationId: 'previewInvitation',
    method: 'get',
    path: '/api/users/invitation-links/:token',
    tag: 'invitations',
    summary: 'What an invitation link offers, for its page (public: the link is the credential)',
    caller: caller.public(),
    params: tokenParams,
    responses: { 200: { description: 'The invitation', schema: InvitationPreviewSchema } },
    problems: { 404: 'No invitation has this link', 410: CLOSED },
    handler: ({ params }, { invitations }) => invitations.preview(params.token),
  }),
  route({
    operationId: 'acceptInvitation',
    method: 'post',
    path: '/api/users/invitation-links/:token/accept',
    tag: 'invitations',
    summary:
      'Accept: the invitee becomes a member; someone new to Showroom gets a link to choose a password at the identity provider',
    caller: caller.public(),
    params: tokenParams,
    responses: { 200: { description: 'What to do next', schema: InvitationAcceptedSchema } },
    problems: {
      404: 'No invitation has this link',
      409: 'Already a member of this dealership',
      410: CLOSED,
      503: 'The identity provider did not answer; nothing was accepted',
    },
    handler: ({ params }, { invitations }) => invitations.accept(params.token),
  }),
];
