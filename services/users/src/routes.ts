import {
  AvailabilityInputSchema,
  DealershipListSchema,
  DealershipStorefrontSchema,
  MeSchema,
  MySignInsSchema,
  READ_DEALERSHIPS_SCOPE,
  READ_MEMBERSHIPS_SCOPE,
  READ_TEAM_SCOPE,
  TeamListSchema,
  TeamMemberSchema,
  UserMembershipsSchema,
} from '@showroom/contracts';
import { caller, problems, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { SignInHistory } from './identity/sign-in-history';
import { invitationRoutes, type InvitationRouteDeps } from './invitations/routes';
import type { PeopleService } from './people/service';
import { rooftopRoutes, type RooftopRouteDeps } from './rooftops/routes';
import { memberAdminRoutes, type MemberAdminRouteDeps } from './team/admin-routes';
import type { TeamService } from './team/service';
import type { StorefrontDirectory } from './websites/dealership-storefront';
import { websiteRoutes, type WebsiteRouteDeps } from './websites/routes';

export interface UsersRouteDeps
  extends WebsiteRouteDeps, RooftopRouteDeps, MemberAdminRouteDeps, InvitationRouteDeps {
  people: PeopleService;
  signIns: SignInHistory;
  team: TeamService;
  storefronts: StorefrontDirectory;
}

/** A person named in a path by their identity provider's id (`sub`). */
const userIdParams = z.object({ userId: z.string().min(1).max(128) });
const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });
const route = routeFor<UsersRouteDeps>();

/** The users API: every route, once (the app serves these, and the route matrix checks each). */
export const usersRoutes = [
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
    operationId: 'listMySignIns',
    method: 'get',
    path: '/api/users/me/sign-ins',
    tag: 'people',
    summary: 'The signed-in user’s own recent sign-ins (time, address, browser), newest first',
    caller: caller.signedIn(),
    responses: { 200: { description: 'Recent sign-ins', schema: MySignInsSchema } },
    handler: ({ principal }, { signIns }) => signIns.of(principal.userId),
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
    params: userIdParams,
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
    operationId: 'listDealershipsForService',
    method: 'get',
    path: '/api/users/internal/dealerships',
    tag: 'services',
    summary: 'Every dealership with its group, for another service (inventory names rooftops and groups)',
    caller: caller.machine(READ_DEALERSHIPS_SCOPE),
    responses: { 200: { description: 'The dealerships', schema: DealershipListSchema } },
    handler: async (_request, { people }) => ({ items: await people.directory() }),
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
  route({
    operationId: 'getDealershipStorefrontForService',
    method: 'get',
    path: '/api/users/internal/dealerships/:dealershipId/storefront',
    tag: 'services',
    summary:
      'A dealership’s name, contact, time zone and website (its URL once live, the origins it is served from), for another service (retail)',
    caller: caller.machine(READ_DEALERSHIPS_SCOPE),
    params: dealershipParams,
    responses: { 200: { description: 'The dealership’s storefront', schema: DealershipStorefrontSchema } },
    problems: { 404: 'No such dealership' },
    handler: async ({ params }, { storefronts }) => {
      const storefront = await storefronts.storefront(params.dealershipId.toLowerCase());
      if (!storefront) throw problems.notFound(`Dealership ${params.dealershipId}`);
      return storefront;
    },
  }),
  ...memberAdminRoutes,
  ...invitationRoutes,
  ...websiteRoutes,
  ...rooftopRoutes,
];
