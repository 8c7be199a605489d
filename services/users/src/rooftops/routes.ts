import { GroupRooftopListSchema, GroupRooftopSchema, RooftopInputSchema } from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import type { RooftopService } from './rooftop-service';

export interface RooftopRouteDeps {
  rooftops: RooftopService;
}

const route = routeFor<RooftopRouteDeps>();
const path = '/api/users/rooftops';
const OWNER_OF_EVERY_ROOFTOP =
  'Not a member of that dealership, the role lacks rooftops:manage, or the caller is not an owner of every rooftop of its group (a standalone dealership: of it)';

/** A dealer group's rooftops: the owner's list, and onboarding a new one. */
export const rooftopRoutes = [
  route({
    operationId: 'listRooftops',
    method: 'get',
    path,
    tag: 'rooftops',
    summary: 'The rooftops of the active dealership’s group, each with its site and provisioning',
    caller: caller.user('rooftops:manage'),
    responses: { 200: { description: 'The group’s rooftops', schema: GroupRooftopListSchema } },
    problems: { 403: OWNER_OF_EVERY_ROOFTOP },
    handler: ({ tenant }, { rooftops }) => rooftops.list(tenant),
  }),
  route({
    operationId: 'createRooftop',
    method: 'post',
    path,
    tag: 'rooftops',
    summary:
      'Onboard a rooftop into the active dealership’s group (a group is made for a standalone dealership): the caller owns it, and its site is provisioned',
    caller: caller.user('rooftops:manage'),
    body: RooftopInputSchema,
    responses: {
      201: { description: 'The new rooftop; its site is being provisioned', schema: GroupRooftopSchema },
    },
    problems: {
      400: 'X-Dealership-Id missing or not a UUID, or a field is wrong: each named, a Showroom domain as body.domain',
      403: OWNER_OF_EVERY_ROOFTOP,
      409: 'The group has a rooftop of that name (body.name), or the domain is another dealership’s (body.domain)',
    },
    handler: async ({ tenant, body, res }, { rooftops }) => {
      res.status(201).json(await rooftops.create(tenant, body));
    },
  }),
];
