import { MemberLeadsReleasedSchema, RELEASE_MEMBER_LEADS_SCOPE } from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { MemberLeadsRelease } from './member-release';

export interface MemberReleaseRouteDeps {
  memberRelease: MemberLeadsRelease;
}

const route = routeFor<MemberReleaseRouteDeps>();

/** The users service's route: a deactivated member's open leads go back to round-robin. */
export const memberReleaseRoutes = [
  route({
    operationId: 'releaseMemberLeads',
    method: 'post',
    path: '/api/leads/internal/dealerships/:dealershipId/members/:userId/release',
    tag: 'services',
    summary:
      'A member was deactivated: their open leads at the dealership go back to round-robin among the other available salespeople (unassigned when there is none); won and lost leads stay theirs. Safe to repeat',
    caller: caller.machine(RELEASE_MEMBER_LEADS_SCOPE),
    params: z.object({
      dealershipId: z.uuid('must be a dealership id (UUID)'),
      userId: z.string().trim().min(1).max(128),
    }),
    responses: {
      200: {
        description: 'How many open leads were given back (0 when none was left)',
        schema: MemberLeadsReleasedSchema,
      },
    },
    problems: { 503: 'The users service could not name the team; nothing was released, try again' },
    handler: ({ params }, { memberRelease }) =>
      memberRelease.release(params.dealershipId.toLowerCase(), params.userId),
  }),
];
