import {
  ChannelListSchema,
  ChannelReportSchema,
  SyndicationChannelSchema,
  SyndicationSettingsResponseSchema,
  SyndicationSettingsSchema,
} from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { SyndicationService } from './service';

export interface SyndicationRouteDeps {
  syndication: SyndicationService;
}

const base = '/api/inventory/syndication';
const route = routeFor<SyndicationRouteDeps>();
const owners = { tag: 'syndication', caller: caller.user('inventory:syndicate') } as const;

/** Feeds to Google, Meta and marketplaces: owners and managers only (the feed addresses are secrets). */
export const syndicationRoutes = [
  route({
    ...owners,
    operationId: 'getSyndicationSettings',
    method: 'get',
    path: `${base}/settings`,
    summary: 'The dealership’s channels, web-ready rule, store code, address and website',
    responses: { 200: { description: 'The settings', schema: SyndicationSettingsResponseSchema } },
    handler: ({ dealershipId }, { syndication }) => syndication.settings(dealershipId),
  }),
  route({
    ...owners,
    operationId: 'putSyndicationSettings',
    method: 'put',
    path: `${base}/settings`,
    summary: 'Save the settings; the feeds are regenerated at once',
    body: SyndicationSettingsSchema,
    responses: { 200: { description: 'Saved', schema: SyndicationSettingsResponseSchema } },
    handler: ({ dealershipId, body }, { syndication }) => syndication.saveSettings(dealershipId, body),
  }),
  route({
    ...owners,
    operationId: 'listSyndicationChannels',
    method: 'get',
    path: `${base}/channels`,
    summary: 'Each channel: on or off, its feed addresses, its last run and counts',
    responses: { 200: { description: 'The channels', schema: ChannelListSchema } },
    handler: ({ dealershipId }, { syndication }) => syndication.channels(dealershipId),
  }),
  route({
    ...owners,
    operationId: 'getSyndicationChannelReport',
    method: 'get',
    path: `${base}/channels/:channel/report`,
    summary: 'The vehicles the channel’s last feed left out, and why',
    params: z.object({ channel: SyndicationChannelSchema }),
    responses: { 200: { description: 'The report', schema: ChannelReportSchema } },
    handler: ({ dealershipId, params }, { syndication }) => syndication.report(dealershipId, params.channel),
  }),
  route({
    ...owners,
    operationId: 'regenerateSyndicationFeeds',
    method: 'post',
    path: `${base}/regenerate`,
    summary: 'Regenerate every enabled feed now',
    responses: { 200: { description: 'Regenerated', schema: ChannelListSchema } },
    handler: ({ dealershipId }, { syndication }) => syndication.regenerate(dealershipId),
  }),
  route({
    ...owners,
    operationId: 'rotateSyndicationSecret',
    method: 'post',
    path: `${base}/rotate-secret`,
    summary: 'New secret feed addresses; the old ones stop working at once',
    responses: { 200: { description: 'Rotated', schema: ChannelListSchema } },
    handler: ({ dealershipId }, { syndication }) => syndication.rotateSecret(dealershipId),
  }),
];
