import { Router, type RequestHandler } from 'express';
import {
  DealershipListSchema,
  MeSchema,
  READ_MEMBERSHIPS_SCOPE,
  UserMembershipsSchema,
} from '@showroom/contracts';
import { parseOrThrow, principalOf, requireScope, type ApiOperation } from '@showroom/server-kit';
import { z } from 'zod';
import type { PeopleService } from './service';

const userIdParam = z.string().min(1).max(128);

export function peopleRoutes(people: PeopleService, authenticate: RequestHandler): Router {
  const router = Router();

  router.get('/api/users/me', authenticate, async (req, res) => {
    res.json(await people.me(principalOf(req)));
  });

  router.get('/api/users/dealerships', authenticate, async (req, res) => {
    res.json({ items: await people.dealershipsOf(principalOf(req)) });
  });

  router.get(
    '/api/users/internal/users/:userId/memberships',
    authenticate,
    requireScope(READ_MEMBERSHIPS_SCOPE),
    async (req, res) => {
      const userId = parseOrThrow(userIdParam, req.params['userId'], 'userId');
      res.json(await people.membershipsForToken(userId));
    },
  );

  return router;
}

export const peopleOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/users/me',
    tag: 'people',
    summary: 'The signed-in user and their memberships',
    responses: { 200: { description: 'Profile', schema: MeSchema } },
    problems: { 401: 'No valid token', 404: 'No Showroom profile for this account' },
  },
  {
    method: 'get',
    path: '/api/users/dealerships',
    tag: 'people',
    summary: 'The dealerships the caller belongs to',
    responses: { 200: { description: 'Dealerships', schema: DealershipListSchema } },
    problems: { 401: 'No valid token' },
  },
  {
    method: 'get',
    path: '/api/users/internal/users/:userId/memberships',
    tag: 'identity provider',
    summary: 'Memberships for the token (Auth0 Action / dev-auth); machine token with scope read:memberships',
    params: z.object({ userId: userIdParam }),
    responses: { 200: { description: 'Memberships', schema: UserMembershipsSchema } },
    problems: { 401: 'No valid token', 403: 'Missing scope read:memberships' },
  },
];
