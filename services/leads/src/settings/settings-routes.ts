import { Router, type Request, type RequestHandler } from 'express';
import { LeadSettingsUpdateSchema } from '@showroom/contracts';
import { parseOrThrow, requireDealership, requirePermission, tenantOf } from '@showroom/server-kit';
import type { IngestKeys } from './ingest-keys';
import type { SettingsService } from './settings-service';

/** Settings are created on first read; until the users service tells us a name, the id stands in. */
const nameFor = (req: Request) => `Dealership ${tenantOf(req).dealershipId.slice(0, 8)}`;

export function settingsRoutes(deps: {
  authenticate: RequestHandler;
  settings: SettingsService;
  keys: IngestKeys;
}): Router {
  const { settings, keys } = deps;
  const router = Router();
  const base = '/api/leads/settings';
  router.use(base, deps.authenticate, requireDealership());

  router.get(base, requirePermission('leads:read'), async (req, res) => {
    res.json(await settings.get(tenantOf(req).dealershipId, nameFor(req)));
  });

  router.patch(base, requirePermission('leads:configure'), async (req, res) => {
    const update = parseOrThrow(LeadSettingsUpdateSchema, req.body ?? undefined, 'body');
    res.json(await settings.update(tenantOf(req).dealershipId, nameFor(req), update));
  });

  router.post(`${base}/ingest-key`, requirePermission('leads:rotate-key'), async (req, res) => {
    const { dealershipId } = tenantOf(req);
    await settings.get(dealershipId, nameFor(req));
    res
      .status(201)
      .set('Cache-Control', 'no-store')
      .json(await keys.rotate(dealershipId));
  });

  return router;
}
