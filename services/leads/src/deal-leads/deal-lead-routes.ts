import {
  DealLeadInputSchema,
  DealLeadReceiptSchema,
  LeadActivityInputSchema,
  LeadAssigneesQuerySchema,
  LeadAssigneesSchema,
  READ_LEAD_ASSIGNEES_SCOPE,
  WRITE_DEAL_LEADS_SCOPE,
} from '@showroom/contracts';
import { caller, routeFor } from '@showroom/server-kit';
import { z } from 'zod';
import type { DealLeadService } from './deal-lead-service';

export interface DealLeadRouteDeps {
  dealLeads: DealLeadService;
}

const route = routeFor<DealLeadRouteDeps>();
const base = '/api/leads/internal/dealerships/:dealershipId';
const dealershipParams = z.object({ dealershipId: z.uuid('must be a dealership id (UUID)') });

/** The retail service's routes: a submitted deal's lead, its timeline, and who works which lead. */
export const dealLeadRoutes = [
  route({
    operationId: 'putDealLead',
    method: 'put',
    path: `${base}/deal-leads/:dealId`,
    tag: 'services',
    summary:
      'Open the lead of a deal submitted online, or join it to the shopper’s open lead (the first time, through capture: round-robin, e-mails, the deal forwarded to the CRM once), or bring its deal summary up to date; one lead per deal',
    caller: caller.machine(WRITE_DEAL_LEADS_SCOPE),
    params: dealershipParams.extend({ dealId: z.uuid('must be a deal id (UUID)') }),
    body: DealLeadInputSchema,
    responses: {
      200: { description: 'The deal’s lead and who works it now', schema: DealLeadReceiptSchema },
    },
    problems: {
      400: 'The body’s deal is not the deal in the path, or a bad value',
      404: 'No dealership taking leads with this id',
    },
    handler: ({ params, body }, { dealLeads }) =>
      dealLeads.put(params.dealershipId.toLowerCase(), params.dealId.toLowerCase(), body),
  }),
  route({
    operationId: 'addLeadActivity',
    method: 'post',
    path: `${base}/leads/:leadId/activities`,
    tag: 'services',
    summary: 'Add an entry to a lead’s timeline (what happened on its online deal)',
    caller: caller.machine(WRITE_DEAL_LEADS_SCOPE),
    params: dealershipParams.extend({ leadId: z.uuid('must be a lead id (UUID)') }),
    body: LeadActivityInputSchema,
    responses: { 201: { description: 'Added to the timeline' } },
    problems: { 404: 'No such lead in this dealership' },
    handler: async ({ params, body, res }, { dealLeads }) => {
      await dealLeads.addActivity(params.dealershipId.toLowerCase(), params.leadId.toLowerCase(), body);
      res.status(201).end();
    },
  }),
  route({
    operationId: 'listLeadAssignees',
    method: 'post',
    path: `${base}/lead-assignees`,
    tag: 'services',
    summary: 'Who each named lead is assigned to now; leads the dealership does not have are left out',
    caller: caller.machine(READ_LEAD_ASSIGNEES_SCOPE),
    params: dealershipParams,
    body: LeadAssigneesQuerySchema,
    responses: { 200: { description: 'The assignees', schema: LeadAssigneesSchema } },
    handler: ({ params, body }, { dealLeads }) =>
      dealLeads.assignees(params.dealershipId.toLowerCase(), body.leadIds),
  }),
];
