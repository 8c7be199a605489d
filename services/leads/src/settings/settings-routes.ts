import { IngestKeySchema, LeadSettingsSchema, LeadSettingsUpdateSchema } from '@showroom/contracts';
import { caller, routeFor, type Tenant } from '@showroom/server-kit';
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
];
