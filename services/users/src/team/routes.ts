import {
  AvailabilityInputSchema,
  READ_TEAM_SCOPE,
  TeamListSchema,
  TeamMemberSchema,
} from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { TeamService } from './service';

const teamMemberParams = z.object({ userId: z.string().min(1).max(128) });
const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });
const route = routeFor<{ team: TeamService }>();

export const teamRoutes = [
  route({
    operationId: 'listTeam',
    method: 'get',
    path: '/api/users/team',
    tag: 'team',
    summary: 'The people of the dealership, by name, with their role and availability',
    caller: caller.user('team:read'),
    responses: { 200: { description: 'The team', schema: TeamListSchema } },
    handler: async ({ dealershipId }, { team }) => ({ items: await team.list(dealershipId) }),
  }),
  route({
    operationId: 'setAvailability',
    method: 'put',
    path: '/api/users/team/:userId/availability',
    tag: 'team',
    summary:
      'Mark someone available or away (round-robin skips people who are away): yourself, or anyone with team:manage',
    caller: caller.user('team:read'),
    params: teamMemberParams,
    body: AvailabilityInputSchema,
    responses: { 200: { description: 'The member as now', schema: TeamMemberSchema } },
    problems: {
      403: 'Not a member of that dealership, or someone else without team:manage',
      404: 'No such member in this dealership',
    },
    handler: ({ tenant, params, body }, { team }) =>
      team.setAvailability(tenant, params.userId, body.available),
  }),
  route({
    operationId: 'listTeamForService',
    method: 'get',
    path: '/api/users/internal/dealerships/:dealershipId/team',
    tag: 'services',
    summary: 'A dealership’s team for another service (leads round-robin)',
    caller: caller.machine(READ_TEAM_SCOPE),
    params: dealershipParams,
    responses: { 200: { description: 'The team', schema: TeamListSchema } },
    problems: { 404: 'No such dealership' },
    handler: async ({ params }, { team }) => ({
      items: await team.listForService(params.dealershipId.toLowerCase()),
    }),
  }),
];
