import {
  DealershipListSchema,
  MeSchema,
  READ_MEMBERSHIPS_SCOPE,
  UserMembershipsSchema,
} from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { PeopleService } from './service';

const userIdParams = z.object({ userId: z.string().min(1).max(128) });
const route = routeFor<{ people: PeopleService }>();

export const peopleRoutes = [
  route({
    operationId: 'getMe',
    method: 'get',
    path: '/api/users/me',
    tag: 'people',
    summary: 'The signed-in user and their memberships',
    caller: caller.signedIn(),
    responses: { 200: { description: 'Profile', schema: MeSchema } },
    problems: { 404: 'No Showroom profile for this account' },
    handler: ({ principal }, { people }) => people.me(principal),
  }),
  route({
    operationId: 'listMyDealerships',
    method: 'get',
    path: '/api/users/dealerships',
    tag: 'people',
    summary: 'The dealerships the caller belongs to',
    caller: caller.signedIn(),
    responses: { 200: { description: 'Dealerships', schema: DealershipListSchema } },
    handler: async ({ principal }, { people }) => ({ items: await people.dealershipsOf(principal) }),
  }),
  route({
    operationId: 'getMembershipsForToken',
    method: 'get',
    path: '/api/users/internal/users/:userId/memberships',
    tag: 'identity provider',
    summary: 'Memberships to put in a user’s token (the Auth0 Action, dev-auth)',
    caller: caller.machine(READ_MEMBERSHIPS_SCOPE),
    params: userIdParams,
    responses: { 200: { description: 'Memberships', schema: UserMembershipsSchema } },
    handler: ({ params }, { people }) => people.membershipsForToken(params.userId),
  }),
];
