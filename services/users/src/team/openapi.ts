import { AvailabilityInputSchema, TeamListSchema, TeamMemberSchema } from '@showroom/contracts';
import type { ApiOperation } from '@showroom/server-kit';
import { dealershipParams, teamMemberParams } from './routes';

const dealershipHeader = {
  name: 'X-Dealership-Id',
  required: true,
  description: 'The dealership the request acts for; the token must grant a membership of it.',
};

export const teamOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/users/team',
    tag: 'team',
    summary: 'The people of the dealership, by name, with their role and availability',
    headers: [dealershipHeader],
    responses: { 200: { description: 'The team', schema: TeamListSchema } },
    problems: {
      400: 'X-Dealership-Id missing or not a UUID',
      401: 'No valid token',
      403: 'Not a member of that dealership',
    },
  },
  {
    method: 'put',
    path: '/api/users/team/:userId/availability',
    tag: 'team',
    summary:
      'Mark someone available or away (round-robin skips people who are away): yourself, or anyone with team:manage',
    params: teamMemberParams,
    headers: [dealershipHeader],
    body: AvailabilityInputSchema,
    responses: { 200: { description: 'The member as now', schema: TeamMemberSchema } },
    problems: {
      400: 'Invalid body (each bad field listed)',
      401: 'No valid token',
      403: 'Not a member of that dealership, or someone else without team:manage',
      404: 'No such member in this dealership',
    },
  },
  {
    method: 'get',
    path: '/api/users/internal/dealerships/:dealershipId/team',
    tag: 'services',
    summary:
      'A dealership’s team for another service (leads round-robin); machine token with scope read:team',
    params: dealershipParams,
    responses: { 200: { description: 'The team', schema: TeamListSchema } },
    problems: {
      400: 'dealershipId is not a UUID',
      401: 'No valid token',
      403: 'Missing scope read:team',
      404: 'No such dealership',
    },
  },
];
