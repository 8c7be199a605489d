import { Router, type RequestHandler } from 'express';
import { AvailabilityInputSchema, READ_TEAM_SCOPE } from '@showroom/contracts';
import {
  parseOrThrow,
  requireDealership,
  requirePermission,
  requireScope,
  tenantOf,
} from '@showroom/server-kit';
import { z } from 'zod';
import type { TeamService } from './service';

export const teamMemberParams = z.object({ userId: z.string().min(1).max(128) });
export const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });

export function teamRoutes(team: TeamService, authenticate: RequestHandler): Router {
  const router = Router();
  const base = '/api/users/team';
  router.use(base, authenticate, requireDealership());

  router.get(base, requirePermission('team:read'), async (req, res) => {
    res.json({ items: await team.list(tenantOf(req).dealershipId) });
  });

  router.put(`${base}/:userId/availability`, requirePermission('team:read'), async (req, res) => {
    const { userId } = parseOrThrow(teamMemberParams, req.params);
    const { available } = parseOrThrow(AvailabilityInputSchema, req.body ?? undefined, 'body');
    res.json(await team.setAvailability(tenantOf(req), userId, available));
  });

  router.get(
    '/api/users/internal/dealerships/:dealershipId/team',
    authenticate,
    requireScope(READ_TEAM_SCOPE),
    async (req, res) => {
      const { dealershipId } = parseOrThrow(dealershipParams, req.params);
      res.json({ items: await team.listForService(dealershipId.toLowerCase()) });
    },
  );

  return router;
}
