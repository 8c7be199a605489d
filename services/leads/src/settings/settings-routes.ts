import {
  IngestKeySchema,
  LeadSettingsSchema,
  LeadSettingsUpdateSchema,
  LeadsWebsiteRegistrationSchema,
  WRITE_SITE_ORIGINS_SCOPE,
} from '@showroom/contracts';
import { caller, routeFor, type Tenant } from '@showroom/server-kit';
import { z } from 'zod';
import type { IngestKeys } from './ingest-keys';
import type { SettingsService } from './settings-service';

export interface SettingsRouteDeps {
  settings: SettingsService;
  keys: IngestKeys;
}

/** Settings are created on first read; until the users service tells us a name, the id stands in. */
const nameFor = (tenant: Tenant) => `Dealership ${tenant.dealershipId.slice(0, 8)}`;
const base = '/api/leads/settings';
const route = routeFor<SettingsRouteDeps>();
const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });

export const settingsRoutes = [
  route({
    operationId: 'getLeadSettings',
    method: 'get',
    path: base,
    tag: 'settings',
    summary: 'Lead settings: site origins, acknowledgement, CRM forwarding, ingest key hint',
    caller: caller.user('leads:read'),
    responses: { 200: { description: 'Settings', schema: LeadSettingsSchema } },
    handler: ({ tenant }, { settings }) => settings.get(tenant.dealershipId, nameFor(tenant)),
  }),
  route({
    operationId: 'updateLeadSettings',
    method: 'patch',
    path: base,
    tag: 'settings',
    summary: 'Change lead settings (managers and owners)',
    caller: caller.user('leads:configure'),
    body: LeadSettingsUpdateSchema,
    responses: { 200: { description: 'Settings', schema: LeadSettingsSchema } },
    handler: ({ tenant, body }, { settings }) => settings.update(tenant.dealershipId, nameFor(tenant), body),
  }),
  route({
    operationId: 'rotateIngestKey',
    method: 'post',
    path: `${base}/ingest-key`,
    tag: 'settings',
    summary: 'Rotate the ADF ingest key (owners); the new key is shown only in this answer',
    caller: caller.user('leads:rotate-key'),
    responses: { 201: { description: 'The new key', schema: IngestKeySchema } },
    handler: async ({ tenant, res }, { settings, keys }) => {
      await settings.get(tenant.dealershipId, nameFor(tenant));
      res
        .status(201)
        .set('Cache-Control', 'no-store')
        .json(await keys.rotate(tenant.dealershipId));
    },
  }),
  route({
    operationId: 'registerWebsiteOrigins',
    method: 'put',
    path: '/api/leads/internal/dealerships/:dealershipId/website',
    tag: 'services',
    summary:
      'Website provisioning (users) sets the origins Showroom serves a dealership’s site on; they may post its forms',
    caller: caller.machine(WRITE_SITE_ORIGINS_SCOPE),
    params: dealershipParams,
    body: LeadsWebsiteRegistrationSchema,
    responses: { 204: { description: 'Registered' } },
    handler: async ({ params, body, res }, { settings }) => {
      await settings.registerWebsite(params.dealershipId.toLowerCase(), body);
      res.status(204).end();
    },
  }),
];
